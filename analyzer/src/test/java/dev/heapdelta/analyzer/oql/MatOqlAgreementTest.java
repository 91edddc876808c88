package dev.heapdelta.analyzer.oql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eclipse MAT's own OQL test suite ({@code OQLTest.java} in eclipse-mat/mat) on the dump it runs on,
 * {@code sun_jdk5_64bit.hprof}: each query of it that HeapDelta's dialect covers, with MAT's expected count.
 * MAT's numeric object ids ({@code OBJECTS 1}, {@code INSTANCEOF 120}) are its own internal numbering; where a
 * count depends on which object they name, the query names the same object by its address instead.
 */
class MatOqlAgreementTest {
    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws Exception {
        snapshot = SnapshotLoader.load(TestEnvironment.sharedReference("zoo/mat_sun_jdk5_64bit.hprof"),
                "mat_sun_jdk5_64bit.hprof", AnalysisOptions.defaults().withIndexCache(false), CancelSignal.NEVER,
                ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        if (snapshot != null) {
            snapshot.close();
        }
    }

    /**
     * Runs a query, with {@code #0}, {@code #1} and {@code #2} standing for the first three objects of the
     * analysis by @objectId: MAT's object ids 0, 1 and 2 are its own numbering, where HeapDelta's are its graph
     * indexes, which unreachable objects also occupy.
     */
    private static OqlResult run(String query) {
        String withIds = query;
        int found = 0;
        for (int object = 0; found < 3 && object < snapshot.graph().objectCount(); object++) {
            if (snapshot.dominatorTree().isReachable(object)) {
                withIds = withIds.replace("#" + found++, Integer.toString(object));
            }
        }
        return OqlEngine.run(snapshot, withIds, CancelSignal.NEVER);
    }

    static Stream<Arguments> matCounts() {
        return Stream.of(
                Arguments.of("select * from java.lang.String", 492),
                Arguments.of("select s.@objectId, s.value, s.count, s.offset from java.lang.String s", 492),
                Arguments.of("select as retained set * from java.lang.String", 963),
                Arguments.of("SELECT AS RETAINED SET * FROM OBJECTS ( SELECT * FROM java.lang.String  ) s ", 963),
                Arguments.of("SELECT AS RETAINED SET OBJECTS s FROM OBJECTS ( SELECT * FROM java.lang.String  ) s ",
                        963),
                Arguments.of("SELECT AS RETAINED SET s FROM OBJECTS ( SELECT * FROM java.lang.String  ) s ", 963),
                Arguments.of("select objects dominators(s) from objects 0x1295e2f8 s", 7),
                Arguments.of("select objects dominators(s) from objects (select * from java.lang.String) s", 465),
                Arguments.of("select distinct objects classof(s) from java.lang.String s", 1),
                Arguments.of("select distinct classof(s) from java.lang.String s", 1),
                Arguments.of("SELECT DISTINCT z FROM OBJECTS ( SELECT classof(s) FROM java.lang.String s  ) z", 1),
                Arguments.of("select * from objects #0 union (select * from objects #1)", 2),
                Arguments.of("select * from objects #0,#1 union (select * from objects #1,#2)", 4),
                Arguments.of("select s from objects #0,#1 s union (select t from objects #1,#2 t)", 4),
                Arguments.of("select * from notfound union (select * from objects #1,#2)", 2),
                Arguments.of("select s from notfound s union (select t from objects #1,#2 t)", 2),
                Arguments.of("select * from objects #0,#1 union (select * from notfound)", 2),
                Arguments.of("select s from objects #0,#1 s union (select t from notfound t)", 2),
                Arguments.of("select distinct * from objects #0,#0,#1 union (select * from objects #1,#1,#2,#2)", 6),
                Arguments.of("select * from objects #0,#0,#1 union (select distinct * from objects #1,#1,#2,#2)", 5),
                Arguments.of("select distinct * from objects #0,#0,#1 union (select distinct * from objects #1,#1,#2,#2)", 4),
                Arguments.of("SELECT s FROM missing s  UNION (SELECT s FROM missing s ) "
                        + "UNION (SELECT s FROM java.lang.String s )", 492),
                Arguments.of("SELECT s FROM java.lang.String[] s  UNION (SELECT s FROM missing s ) "
                        + "UNION (SELECT s FROM java.lang.String s )", 28 + 492),
                Arguments.of("SELECT * FROM missing  UNION (SELECT * FROM missing ) "
                        + "UNION (SELECT * FROM java.lang.String )", 492),
                Arguments.of("SELECT * FROM java.lang.String[]  UNION (SELECT * FROM missing ) "
                        + "UNION (SELECT * FROM java.lang.String )", 28 + 492),
                // MAT's 1198 and 2058 include its pseudo-object for the bootstrap class loader at 0x0, which is no object
                // of the dump and which HeapDelta does not make up (DESIGN.md §3, "objects").
                Arguments.of("select * from \"java.lang.*\"", 1198 - 1),
                Arguments.of("SELECT * FROM INSTANCEOF java.lang.ref.Reference", 21),
                // MAT's "c implements org.eclipse.mat.snapshot.model.IClass" holds for every class object.
                Arguments.of("SELECT * FROM ( SELECT * FROM java.lang.Class c )", 2058 - 1),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count > 51", 16),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count >= 51", 19),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count < 51", 473),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count <= 51", 476),
                Arguments.of("SELECT * FROM java.lang.String s WHERE toString(s) LIKE \"java.*\"", 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE toString(s) NOT LIKE \"java.*\"", 492 - 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.value IN dominators(s)", 492 - 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.value NOT IN dominators(s)", 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE toString(s) = \"file.separator\"", 1),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count > 100 "
                        + "AND s.@retainedHeapSize > s.@usedHeapSize", 6),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count > 1000 OR s.value.@length > 1000", 3),
                Arguments.of("select * from instanceof java.util.Vector s where s.elementCount < 10", 11),
                Arguments.of("select * from java.lang.Class s where s.serialVersionUID.toString().contains(\"-\")",
                        52),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count < s.value.@length * 0.5", 16),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count < s.value.@length / 2", 16),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count < s.value.@length - 20", 16),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.count + 20 < s.value.@length", 16),
                Arguments.of("SELECT * FROM java.lang.String s WHERE ( s.count > 1000 ) = true", 3),
                Arguments.of("SELECT * FROM java.lang.String s WHERE dominators(s).size() = 0", 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE dominators(s).length = 0", 27),
                Arguments.of("SELECT * FROM java.lang.String s WHERE s.@retainedHeapSize > 1024L", 4),
                Arguments.of("SELECT * FROM java.lang.Thread s WHERE s.@GCRootInfo != null", 4),
                Arguments.of("SELECT s.value FROM INSTANCEOF java.lang.Number s WHERE (s.value and true)", 3),
                Arguments.of("SELECT OBJECTS @referenceArray.get(0) FROM OBJECTS 0x17c17128", 1),
                Arguments.of("SELECT OBJECTS @referenceArray FROM OBJECTS 0x17c17128", 3),
                Arguments.of("select * from instanceof java.util.AbstractMap", 25),
                Arguments.of("select * from instanceof 0x128da800", 25),
                Arguments.of("select * from objects instanceof java.util.AbstractMap", 10),
                Arguments.of("select * from objects instanceof 0x128da800", 10),
                Arguments.of("select * from instanceof (select * from objects java.util.AbstractMap)", 25),
                Arguments.of("select * from objects instanceof (select * from objects java.util.AbstractMap)", 10),
                Arguments.of("SELECT * FROM \".....i.*\"", 80),
                Arguments.of("SELECT * FROM \".*\" c WHERE (c.@clazz.@name.indexOf(\"i\") = 5)", 80),
                Arguments.of("SELECT * FROM \".*\" c WHERE (c.@clazz.@name.indexOf('i') = 5)", 80),
                Arguments.of("SELECT * FROM \".*\" c WHERE (c.@clazz.@name.indexOf(105) = 5)", 80),
                Arguments.of("SELECT s[2] FROM int[] s", 5),
                Arguments.of("SELECT OBJECTS s[2] FROM byte[][] s", 2),
                Arguments.of("select MAX_VALUE from OBJECTS java.lang.Integer", 1));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @MethodSource("matCounts")
    void eachQueryGivesMatsCount(String query, int expected) {
        assertEquals(expected, run(query).count(), query);
    }

    @Test
    void selectingAttributesGivesATableWithOneColumnPerItemAndTheObjectIdFirst() {
        OqlResult result = run("select s.@objectId, s.value, s.count, s.offset from java.lang.String s");
        assertEquals(OqlResult.Kind.TABLE, result.kind());
        assertEquals(4, result.columns().size());
        Object id = result.rows().get(0).get(0);
        assertTrue(id instanceof Long);
        assertEquals("java.lang.String", snapshot.graph().classNameOf((int) (long) (Long) id));
    }

    @Test
    void arithmeticAndLogicOverLiteralsGiveMatsValues() {
        assertEquals(8.0, run("select * from objects ((1+2+3--2-2)*-4/-3)").value());
        assertEquals(8.0, run("select * from objects ((1L+2L+3L--2L-2L)*-4L/-3L)").value());
        assertEquals(8.0, run("select * from objects ((1.0+2.0+3.0--2.0-2.0)*-4.0/-3.0)").value());
        assertEquals(true, run("select * from objects (1=1 AND 3<2 OR 4>3 AND 4>=4 AND 4 <= 4 AND 4 < 5)").value());
        assertEquals(true, run("select * from objects (1L=1L AND 3L<2L OR 4L>3L AND 4L>=4L AND 4L <= 4L "
                + "AND 4L < 5L)").value());
        assertEquals(true, run("select * from objects (1.0=1.0 AND 3.0<2.0 OR 4.0>3.0 AND 4.0>=4.0 "
                + "AND 4.0 <= 4.0 AND 4.0 < 5.0)").value());
    }

    @Test
    void aUnionOfTablesKeepsEachPartsRowsInOrder() {
        // MAT's object 1 is the object at 0x12832b50, the lowest address of the dump.
        OqlResult result = run("select toString(s) from objects 0x17c180b8 s "
                + "union (select toHex(s.@objectAddress) from objects 0x12832b50 s)");
        assertEquals(List.of(List.of("main"), List.of("0x12832b50")), result.rows());
    }

    @Test
    void theBuiltInFunctionsAgreeWithMatOnOneString() {
        String from = " from objects 0x17c38b80 s";
        assertEquals("little", cell("select toString(s)" + from));
        assertEquals("0x17c38b80", cell("select toHex(s.@objectAddress)" + from));
        assertEquals(1L, cell("select dominators(s).length" + from));
        assertEquals(2, ((List<?>) cell("select outbounds(s)" + from)).size());
        assertEquals(1, ((List<?>) cell("select inbounds(s)" + from)).size());
        assertEquals("java.lang.String", cell("select classof(s).@name" + from));
        assertNotNull(cell("select dominatorof(s)" + from));
    }

    @Test
    void int32ArraysSplitIntoThoseEndingAbove0AndTheOthers() {
        int all = run("SELECT * FROM int[]").count();
        int above = run("SELECT * FROM int[] c WHERE (c.@valueArray.get(c.@length - 1) > 0)").count();
        int others = run("SELECT * FROM int[] c WHERE (c.@valueArray.get(c.@length + -1) <= 0)").count();
        assertEquals(all, above + others);
        assertTrue(all > 0);
    }

    @Test
    void aStaticFieldIsReadThroughTheClassObject() {
        assertEquals((long) Integer.MAX_VALUE, cell("select MAX_VALUE from OBJECTS java.lang.Integer"));
    }

    @Test
    void stringConcatenationAndColumnHeadingsFollowMat() {
        assertEquals("ABC123", cell("SELECT \"ABC\"+s FROM OBJECTS (123) s"));
        assertEquals(List.of("A B"), run("SELECT s.@objectId AS \"A B\" FROM java.lang.Object s").columns());
        assertEquals(List.of(""), run("SELECT s.@objectId AS \"\" FROM java.lang.Object s").columns());
    }

    @Test
    void matsUnreservedKeywordsParseAsPartsOfClassNames() {
        for (String word : List.of("as", "distinct", "from", "in", "is", "like", "not", "objects", "union",
                "where")) {
            OqlParser.parse("SELECT * FROM something." + word + ".Object");
        }
    }

    @Test
    void matsMalformedStatementsAreSyntaxErrors() {
        for (String statement : List.of("select dominatorsof(s) from", "SELECT * FROM something.as retained set",
                "SELECT * FROM x WHERE")) {
            assertThrows(OqlException.class, () -> OqlParser.parse(statement), statement);
        }
    }

    private static Object cell(String query) {
        OqlResult result = run(query);
        assertEquals(1, result.rows().size(), query);
        return result.rows().get(0).get(0);
    }
}
