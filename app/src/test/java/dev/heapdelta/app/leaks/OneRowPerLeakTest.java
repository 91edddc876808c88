package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows that one growth explains are one row, decided from the objects: {@link TwoLeaksSharingAClass}
 * runs in a child JVM and dumps itself three times. Its strings grow by 9,000, only two thirds of them
 * in its two leaks (a one-time load holds the rest), so no share-of-growth threshold folds them; each
 * string's dominator does. The second leak, which holds strings too, stays a row of its own.
 */
class OneRowPerLeakTest {
    private static final String PROGRAM = "TwoLeaksSharingAClass";

    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheProgramInAChildJvmAndDiffItsThreeDumps() throws Exception {
        DumpingProgram.run(TwoLeaksSharingAClass.class.getName(), "64m", 120, dumps, dumps.resolve("program.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "two-leaks", TwoLeaksSharingAClass.MOMENTS));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void theStringsThatGrewElsewhereThanInTheLeaksAreAOneTimeLoadNotAThirdRow() {
        Long[] strings = stringCounts();
        long growth = strings[2] - strings[0];
        // Two strings per order in the map and one in the audit list, over two units of growth.
        long inLeaks = 2 * (2 + 1) * (long) TwoLeaksSharingAClass.ORDERS_PER_UNIT;
        assertTrue(growth >= inLeaks + TwoLeaksSharingAClass.LABELS && (double) inLeaks / growth < 0.8,
                "the leaks hold under 80% of the strings' growth: " + strings[0] + " → " + strings[2]);
        assertEquals(2, report.suspects().size(), titles().toString());
    }

    @Test
    void theOrderMapIsTheFirstRowWithItsOrdersAndTheirStringsAsEvidence() {
        Suspect orders = report.suspects().get(0);
        assertEquals("static " + PROGRAM + ".ORDERS", orders.pathKey());
        assertEquals(SuspectKind.GROWING_COLLECTION, orders.kind());
        long unit = TwoLeaksSharingAClass.ORDERS_PER_UNIT;
        assertArrayEquals(new Long[] {unit, 2 * unit, 3 * unit}, orders.elements());
        assertEquals("dev.heapdelta.app.leaks." + PROGRAM + "$Order", orders.evidence().get(0).name(),
                "the entries' class first: " + orders.evidence());
        assertArrayEquals(new Long[] {unit, 2 * unit, 3 * unit}, evidence(orders, PROGRAM + "$Order").count());
        assertArrayEquals(new Long[] {2 * unit, 4 * unit, 6 * unit}, evidence(orders, "java.lang.String").count());
        // A body per order and a value array per string.
        assertArrayEquals(new Long[] {3 * unit, 6 * unit, 9 * unit}, evidence(orders, "byte[]").count());
    }

    @Test
    void theAuditListIsAnIndependentLeakAndKeepsItsOwnStringCounts() {
        Suspect audit = report.suspects().get(1);
        assertEquals("static " + PROGRAM + ".AUDIT", audit.pathKey());
        assertEquals(SuspectKind.GROWING_COLLECTION, audit.kind());
        long unit = TwoLeaksSharingAClass.ORDERS_PER_UNIT;
        assertArrayEquals(new Long[] {unit, 2 * unit, 3 * unit}, audit.elements());
        assertArrayEquals(new Long[] {unit, 2 * unit, 3 * unit}, evidence(audit, "java.lang.String").count());
    }

    @Test
    void noGrowingClassRowIsLeft() {
        for (Suspect suspect : report.suspects()) {
            assertTrue(suspect.kind().isCollection(), suspect.title());
        }
    }

    private static Long[] stringCounts() {
        return report.classes().stream().filter(row -> row.name().equals("java.lang.String")).findFirst()
                .orElseThrow().count();
    }

    private static Evidence evidence(Suspect suspect, String nameEnd) {
        return suspect.evidence().stream().filter(e -> e.name().endsWith(nameEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + nameEnd + " in " + suspect.evidence()));
    }

    private static List<String> titles() {
        return report.suspects().stream().map(Suspect::title).toList();
    }
}
