package dev.heapdelta.analyzer.oql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per construct of the dialect, on the dump of {@link OqlFixtureProgram}, whose objects it planted. */
class OqlConstructsTest {
    private static final String P = OqlFixtureProgram.class.getName();
    private static final String H = P + "$Holder";
    private static final String SHARER = P + "$Sharer";

    @TempDir
    static Path dir;
    private static Snapshot snapshot;

    @BeforeAll
    static void dumpTheFixture() throws Exception {
        Path file = dir.resolve("fixture.hprof");
        OqlFixtureProgram.dump(file);
        snapshot = SnapshotLoader.load(file, "fixture.hprof", AnalysisOptions.defaults().withIndexCache(false),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        snapshot.close();
    }

    private static OqlResult run(String query) {
        return OqlEngine.run(snapshot, query, CancelSignal.NEVER);
    }

    private static int count(String query) {
        return run(query).count();
    }

    private static Object cell(String query) {
        OqlResult result = run(query);
        assertEquals(1, result.rows().size(), query);
        return result.rows().get(0).get(0);
    }

    @Test
    void fromAClassNameSelectsItsInstancesAndInstanceofAddsSubclasses() {
        assertEquals(3, count("SELECT * FROM " + H));
        assertEquals(4, count("SELECT * FROM INSTANCEOF " + H));
        assertEquals(OqlResult.Kind.OBJECTS, run("SELECT * FROM " + H).kind());
    }

    @Test
    void aQuotedPatternSelectsTheInstancesOfEveryMatchingClass() {
        assertEquals(4, count("SELECT * FROM \".*OqlFixtureProgram\\$(Special)?Holder\""));
    }

    @Test
    void fromObjectsTakesAddressesIdsAndNestedQueriesAsTheObjectsThemselves() {
        int third = (int) (long) (Long) cell("SELECT h.@objectId FROM " + H + " h WHERE h.count = 3");
        String address = "0x" + Long.toHexString(snapshot.graph().idOf(third));
        assertEquals(3L, cell("SELECT s.count FROM OBJECTS " + address + " s"));
        assertEquals(3L, cell("SELECT s.count FROM OBJECTS " + third + " s"));
        assertEquals(2, count("SELECT * FROM OBJECTS (SELECT * FROM " + H + " h WHERE h.count > 1)"));
        assertEquals(1, count("SELECT * FROM OBJECTS " + P));
    }

    @Test
    void relationalOperatorsCompareNumbers() {
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count > 1"));
        assertEquals(3, count("SELECT * FROM " + H + " h WHERE h.count >= 1"));
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count < 3"));
        assertEquals(3, count("SELECT * FROM " + H + " h WHERE h.count <= 3"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.count = 2"));
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count != 2"));
    }

    @Test
    void likeAndNotLikeMatchTheWholeTextWithARegularExpression() {
        assertEquals(2, count("SELECT * FROM INSTANCEOF " + H + " h WHERE toString(h.name) LIKE \"s.*\""));
        assertEquals(2, count("SELECT * FROM INSTANCEOF " + H + " h WHERE toString(h.name) NOT LIKE \"s.*\""));
        assertEquals(0, count("SELECT * FROM INSTANCEOF " + H + " h WHERE toString(h.name) LIKE \"s\""));
    }

    @Test
    void inAndNotInTestMembershipOfAListOrANestedQuery() {
        String nested = "(SELECT * FROM " + H + " x WHERE x.count > 1)";
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.next IN " + nested));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.next NOT IN " + nested));
        assertEquals(2, count("SELECT * FROM " + SHARER + " s WHERE s.own IN dominators(s)"));
        assertEquals(2, count("SELECT * FROM " + SHARER + " s WHERE s.shared NOT IN dominators(s)"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count = 1 OR h.count = 3"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.count > 1 AND h.count < 3"));
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count = 1 OR h.count = 2 AND h.count > 1"));
    }

    @Test
    void arithmeticKeepsIntegersExactAndDividesInFloatingPoint() {
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.count * 2 + 1 = 5"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.count / 2 = 1.5"));
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE h.count % 2 = 1"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE -h.count < -2"));
        assertEquals(42L, run("SELECT * FROM OBJECTS (6 * 7)").value());
        assertEquals(OqlResult.Kind.VALUE, run("SELECT * FROM OBJECTS (6 * 7)").kind());
    }

    @Test
    void longAndDoubleLiteralsCompareWithFieldsOfTheirType() {
        assertEquals(1, count("SELECT * FROM " + P + "$SpecialHolder h WHERE h.weight > 6999999999L"));
        assertEquals(0, count("SELECT * FROM " + P + "$SpecialHolder h WHERE h.weight > 7000000000L"));
        assertEquals(1, count("SELECT * FROM OBJECTS " + P + " c WHERE c.half = 0.5"));
        assertEquals(1, count("SELECT * FROM OBJECTS " + P + " c WHERE c.half < 5e-1 + 0.01"));
    }

    @Test
    void fieldPathsFollowReferencesAndEndInAnAttribute() {
        assertEquals("second", cell("SELECT toString(h.next.name) FROM " + H + " h WHERE h.count = 1"));
        assertEquals(5L, cell("SELECT h.name.value.@length FROM " + H + " h WHERE h.count = 1"));
        assertNull(cell("SELECT h.next.next FROM " + H + " h WHERE h.count = 2"));
    }

    @Test
    void staticFieldsAreReadThroughTheClassObject() {
        OqlResult result = run("SELECT answer, minusFive, c.half FROM OBJECTS " + P + " c");
        assertEquals(List.of(List.of(42L, -5L, 0.5)), result.rows());
        assertEquals(List.of("answer", "minusFive", "c.half"), result.columns());
    }

    @Test
    void theBuiltInAttributesDescribeTheObject() {
        HeapGraph graph = snapshot.graph();
        List<Object> row = run("SELECT h.@objectId, h.@objectAddress, h.@usedHeapSize, h.@retainedHeapSize, "
                + "h.@clazz.@name, h.@class.@name, h.@displayName FROM " + H + " h WHERE h.count = 2").rows().get(0);
        int object = (int) (long) (Long) row.get(0);
        assertEquals(graph.idOf(object), row.get(1));
        assertEquals(graph.shallowSizeOf(object), row.get(2));
        assertEquals(snapshot.dominatorTree().retainedSizeOf(object), row.get(3));
        assertEquals(H, row.get(4));
        assertEquals(H, row.get(5));
        assertEquals(H + " @ 0x" + Long.toHexString(graph.idOf(object)), row.get(6));
        assertEquals(List.of(List.of(7L, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L))),
                run("SELECT c.oneToSeven.@length, c.oneToSeven.@valueArray FROM OBJECTS " + P + " c").rows());
        assertEquals("beta-3", cell("SELECT toString(c.names.@referenceArray.get(2)) FROM OBJECTS " + P + " c"));
        assertNull(cell("SELECT h.@length FROM " + H + " h WHERE h.count = 2"));
    }

    @Test
    void gcRootInfoNamesTheRootKindsOfARootAndIsNullOtherwise() {
        Object info = cell("SELECT t.@GCRootInfo FROM java.lang.Thread t WHERE toString(t) = \"oql-fixture-parked\"");
        assertTrue(String.valueOf(info).contains("Thread"), String.valueOf(info));
        assertNull(cell("SELECT h.@GCRootInfo FROM " + H + " h WHERE h.count = 2"));
    }

    @Test
    void theDominatorFunctionsFollowTheDominatorTree() {
        int[] dominated = run("SELECT OBJECTS dominators(s) FROM " + SHARER + " s").objects();
        assertEquals(2, dominated.length);
        long lengths = 0;
        for (int array : dominated) {
            assertEquals("byte[]", snapshot.graph().classNameOf(array));
            lengths += snapshot.graph().details().arrayLength(array);
        }
        assertEquals(3_000, lengths);
        assertEquals(2, count("SELECT * FROM " + SHARER + " s WHERE dominatorof(s.own) = s"));
        assertEquals(0, count("SELECT * FROM " + SHARER + " s WHERE dominatorof(s.shared) = s"));
    }

    @Test
    void outboundsAndInboundsListDistinctNeighbours() {
        OqlResult result = run("SELECT outbounds(s).size(), inbounds(s.shared).size() FROM " + SHARER + " s");
        assertEquals(List.of(List.of(3L, 2L), List.of(3L, 2L)), result.rows());
    }

    @Test
    void toStringToHexAndClassofGiveNamesAddressesAndClasses() {
        List<Object> row = run("SELECT toString(h.name), toHex(h.@objectAddress), classof(h).@name, h.@objectAddress "
                + "FROM " + H + " h WHERE h.count = 1").rows().get(0);
        assertEquals("first", row.get(0));
        assertEquals("0x" + Long.toHexString((Long) row.get(3)), row.get(1));
        assertEquals(H, row.get(2));
        assertEquals(1, count("SELECT DISTINCT OBJECTS classof(h) FROM " + H + " h"));
    }

    @Test
    void valueMethodsWorkOnStringsListsAndNumbers() {
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE toString(h.name).startsWith(\"fi\")"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE toString(h.name).contains(\"hir\")"));
        assertEquals(2, count("SELECT * FROM " + H + " h WHERE toString(h.name).length = 5"));
        assertEquals(1, count("SELECT * FROM " + H + " h WHERE h.count.toString() = \"2\""));
        assertEquals(2, count("SELECT * FROM " + SHARER + " s WHERE outbounds(s).size() = 3"));
        assertEquals(2, count("SELECT * FROM " + SHARER + " s WHERE outbounds(s).contains(s.shared)"));
    }

    @Test
    void unionConcatenatesAndDistinctAppliesToItsOwnSelect() {
        assertEquals(4, count("SELECT * FROM " + H + " UNION (SELECT * FROM " + P + "$SpecialHolder)"));
        assertEquals(2, count("SELECT OBJECTS s.shared FROM " + SHARER + " s"));
        assertEquals(1, count("SELECT DISTINCT OBJECTS s.shared FROM " + SHARER + " s"));
        assertEquals(3, count("SELECT DISTINCT OBJECTS s.shared FROM " + SHARER + " s UNION (SELECT * FROM " + SHARER
                + ")"));
    }

    @Test
    void asRetainedSetIsWhatTheSetHoldsTogetherAsABruteForceRemovalFinds() {
        OqlResult result = run("SELECT AS RETAINED SET * FROM " + SHARER);
        int[] sharers = run("SELECT * FROM " + SHARER).objects();
        BitSet expected = retainedByRemoval(sharers);
        assertEquals(expected.cardinality(), result.count());
        assertEquals(5, result.count(), "two sharers, their own arrays and the shared one");
        for (int object : result.objects()) {
            assertTrue(expected.get(object));
        }
        RetainedSet.Result precise = RetainedSet.of(snapshot.dominatorTree(), sharers, CancelSignal.NEVER);
        long sumOfRetained = 0;
        long bytes = 0;
        for (int sharer : sharers) {
            sumOfRetained += snapshot.dominatorTree().retainedSizeOf(sharer);
        }
        for (int object = expected.nextSetBit(0); object >= 0; object = expected.nextSetBit(object + 1)) {
            bytes += snapshot.graph().shallowSizeOf(object);
        }
        assertEquals(bytes, precise.retainedBytes());
        assertTrue(precise.retainedBytes() >= sumOfRetained + 4_000, "the shared 4,000-byte array counts once");
    }

    @Test
    void theRetainedSetOfObjectsUnderOneDominatorIsFoundBelowIt() {
        int[] own = run("SELECT OBJECTS s.own FROM " + SHARER + " s").objects();
        int[] holders = run("SELECT * FROM " + H + " h WHERE h.count > 1").objects();
        assertEquals(retainedByRemoval(own).cardinality(),
                RetainedSet.of(snapshot.dominatorTree(), own, CancelSignal.NEVER).count());
        assertEquals(retainedByRemoval(holders).cardinality(),
                RetainedSet.of(snapshot.dominatorTree(), holders, CancelSignal.NEVER).count());
    }

    @Test
    void errorsNameThePositionAndRefuseMatsSnapshotApi() {
        OqlException syntax = assertThrows(OqlException.class, () -> run("SELECT * FROM " + H + " h WHERE h.count >"));
        assertEquals(("SELECT * FROM " + H + " h WHERE h.count >").length() + 1, syntax.position());
        assertTrue(syntax.getMessage().startsWith("OQL error at position "), syntax.getMessage());
        OqlException snapshotCall = assertThrows(OqlException.class,
                () -> run("SELECT * FROM ${snapshot}.getClasses()"));
        assertEquals(15, snapshotCall.position());
        assertTrue(snapshotCall.getMessage().contains("${snapshot}"));
        assertThrows(OqlException.class, () -> run("SELECT h.@nothing FROM " + H + " h"));
        assertThrows(OqlException.class, () -> run("SELECT frobnicate(h) FROM " + H + " h"));
        assertThrows(OqlException.class, () -> run("SELECT * FROM " + H + " h WHERE toString(h) LIKE \"[\""));
        assertEquals(List.of("no class does.not.Exist in the dump"), run("SELECT * FROM does.not.Exist").warnings());
    }

    /** Brute force: what is reachable from the roots, minus what is still reachable with {@code removed} gone. */
    private static BitSet retainedByRemoval(int[] removed) {
        BitSet gone = new BitSet();
        for (int object : removed) {
            gone.set(object);
        }
        BitSet before = reach(new BitSet());
        BitSet after = reach(gone);
        before.andNot(after);
        return before;
    }

    private static BitSet reach(BitSet excluded) {
        HeapGraph graph = snapshot.graph();
        BitSet seen = new BitSet();
        Deque<Integer> work = new ArrayDeque<>();
        for (int entry : graph.entryObjects()) {
            if (!excluded.get(entry) && !seen.get(entry)) {
                seen.set(entry);
                work.push(entry);
            }
        }
        while (!work.isEmpty()) {
            int object = work.pop();
            for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
                int target = graph.edgeTarget(e);
                if (target >= 0 && !seen.get(target) && !excluded.get(target)) {
                    seen.set(target);
                    work.push(target);
                }
            }
        }
        return seen;
    }
}
