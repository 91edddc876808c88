package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance fields that only a thread reaches ({@link ThreadHeldHandlers} in a child JVM, three dumps):
 * with no static field on any path, design.md §4 names the holder as the source declares it, the last
 * object of a non-JDK class before the path enters the container, with its field
 * ({@code CheckoutHandler.carts}), not the thread ({@code thread "checkout" › target › …}). Each is one
 * row with the program's own counts; the wrapper is named at the handler's field, with the view its
 * reason, as GrowingFamiliesTest checks for statics.
 */
class ThreadHeldHandlersTest {
    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheHandlersInAChildJvmAndDiffTheirThreeDumps() throws Exception {
        DumpingProgram.run(ThreadHeldHandlers.class.getName(), "256m", 120, dumps, dumps.resolve("program.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "thread-held", 3));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void eachHandlersFieldIsOneRowNamedByItsClassAndFieldAndNothingElseIsReported() {
        assertEquals(List.of("CheckoutHandler.carts", "WishlistHandler.wishlists"),
                report.suspects().stream().map(Suspect::pathKey).toList(), titles());
        assertTrue(report.largeRetainers().isEmpty(), report.largeRetainers().toString());
    }

    @Test
    void thePlainThreadsHandlerIsRankOneWithItsCartsCountedPerSnapshot() {
        Suspect carts = report.suspects().get(0);
        assertEquals(SuspectKind.GROWING_COLLECTION, carts.kind(), carts.title());
        assertArrayEquals(counts(ThreadHeldHandlers.CARTS), carts.elements(), carts.title());
        assertTrue(carts.title().startsWith("HashMap at CheckoutHandler.carts grew from 200 to 1,000 entries (+"),
                carts.title());
        assertTrue(carts.reasons().stream().noneMatch(reason -> reason.startsWith("held through")), carts.title());
    }

    @Test
    void theExecutorWorkersSynchronizedMapIsNamedAtTheHandlersFieldWithTheViewInItsReasons() {
        Suspect wishlists = report.suspects().get(1);
        assertEquals(SuspectKind.GROWING_COLLECTION, wishlists.kind(), wishlists.title());
        assertArrayEquals(counts(ThreadHeldHandlers.WISHLISTS), wishlists.elements(), wishlists.title());
        assertTrue(wishlists.title().startsWith("HashMap at WishlistHandler.wishlists grew from 100 to 500 entries (+"),
                wishlists.title());
        assertTrue(wishlists.reasons().contains("held through a Collections.synchronizedMap view: its entries are the"
                + " wrapped HashMap's"), wishlists.reasons().toString());
    }

    /**
     * No static reaches either, so there is no second path to show (design.md §4 shows a thread's
     * frame beside a static's path): the plain thread reaches its handler through its {@code target}
     * field, the executor's worker only through a frame's local.
     */
    @Test
    void bothPathsStartAtTheirThreadsTheCheckoutThroughItsTargetTheWishlistsThroughTheWorkersFrame() {
        Suspect carts = report.suspects().get(0);
        Suspect wishlists = report.suspects().get(1);
        assertEquals(List.of("java.lang.Thread", "target"), List.of(carts.pathToRoot().get(0).className(),
                carts.pathToRoot().get(0).edge()), carts.title());
        assertEquals(List.of("java.lang.Thread", "<Java Local>"), List.of(wishlists.pathToRoot().get(0).className(),
                wishlists.pathToRoot().get(0).edge()), wishlists.title());
        for (Suspect row : report.suspects()) {
            assertEquals(List.of(), row.otherPaths(), row.title());
        }
    }

    private static Long[] counts(int[] perSnapshot) {
        return Arrays.stream(perSnapshot).mapToObj(n -> (long) n).toArray(Long[]::new);
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList());
    }
}
