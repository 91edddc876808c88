package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.PathStepRow;
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
 * Leaks through real libraries, on dumps made in this test: {@link LibraryLeaks} runs in a child JVM
 * with Guava, Caffeine and an embedded Jetty server, and dumps itself after 1, 3 and 5 units of load.
 * Each leak is one row, at a known rank, with its exact entry counts and a headline that names the
 * field the source declares; the bounded caches, the LRU map and the clearing weak map say nothing.
 */
class LibraryLeaksTest {
    private static final int LEAKS = 9;

    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheServiceInAChildJvmAndDiffItsThreeDumps() throws Exception {
        DumpingProgram.run(LibraryLeaks.class.getName(), "128m", 180, dumps, dumps.resolve("service.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "library", LibraryLeaks.UNITS.length));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void everyLeakIsOneRowAndNothingElseIsReported() {
        assertEquals(LEAKS, report.suspects().size(), titles());
    }

    @Test
    void guavaMultimapCountsItsEntriesAsSizeDoesWithItsKeysBeside() {
        Suspect multimap = at(1, "static AuditLog.EVENTS_BY_USER", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.AUDITED_USERS * AuditLog.EVENTS_PER_USER, 0));
        assertEquals("ArrayListMultimap at static AuditLog.EVENTS_BY_USER grew from 300 to 1,500 entries (+390.1 KB "
                + "retained)", multimap.title());
        assertTrue(multimap.reasons().contains("keys: 100 → 300 → 500"), multimap.reasons().toString());
        onlyRowAbout("AuditLog");
    }

    @Test
    void unboundedCaffeineCacheIsReportedAndItsBoundedNeighboursAreNot() {
        Suspect cache = at(2, "static SessionIndex.SESSIONS", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.SESSIONS, 0));
        assertTrue(cache.title().startsWith("Caffeine Cache at static SessionIndex.SESSIONS grew from 250 to 1,250 "
                + "entries"), cache.title());
        onlyRowAbout("SessionIndex");
    }

    @Test
    void loggerHandlersKeepTheLoggersFieldNames() {
        Suspect handlers = at(3, "static Logging.logManager › rootLogger › config › handlers",
                SuspectKind.LISTENER_ACCUMULATION, perUnit(LibraryLeaks.HANDLERS, 1));
        assertTrue(handlers.title().startsWith("CopyOnWriteArrayList at static Logging.logManager › rootLogger › "
                + "config › handlers grew from 21 to 101 listeners"), handlers.title());
        assertEquals("dev.heapdelta.app.leaks.library.AuditHandler", handlers.evidence().get(0).name());
        onlyRowAbout("handlers");
    }

    @Test
    void unboundedGuavaCacheIsReportedAndItsBoundedNeighboursAreNot() {
        Suspect cache = at(4, "static CatalogCache.PRODUCTS", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.PRODUCTS, 0));
        assertTrue(cache.title().startsWith("Guava Cache at static CatalogCache.PRODUCTS grew from 200 to 1,000 "
                + "entries"), cache.title());
        onlyRowAbout("CatalogCache");
    }

    @Test
    void timerTaskQueueIsACollectionNamedByItsTimer() {
        Suspect timer = at(5, "static ReminderService.TIMER", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.REMINDERS, 0));
        assertTrue(timer.title().startsWith("Timer at static ReminderService.TIMER grew from 150 to 750 entries"),
                timer.title());
        assertEquals("dev.heapdelta.app.leaks.library.ReminderService$Reminder", timer.evidence().get(0).name());
        onlyRowAbout("Reminder");
    }

    @Test
    void weakHashMapWhoseValuesHoldTheirKeysIsReportedAndAClearingOneIsNot() {
        Suspect map = at(6, "static SubscriptionRegistry.BY_ACCOUNT", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.SUBSCRIBERS, 0));
        assertTrue(map.title().startsWith("WeakHashMap at static SubscriptionRegistry.BY_ACCOUNT grew from 120 to 600"),
                map.title());
        onlyRowAbout("SubscriptionRegistry");
    }

    @Test
    void scheduledExecutorsDelayedWorkIsNamedByTheStaticFieldNotByItsWorkerThread() {
        Suspect executor = at(7, "static PaymentGateway.INSTANCE › retryTimers", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.RETRIES, 0));
        assertTrue(executor.title().startsWith("ScheduledThreadPoolExecutor at static PaymentGateway.INSTANCE › "
                + "retryTimers grew from 100 to 500 entries"), executor.title());
        assertEquals("java.lang.Class", executor.pathToRoot().get(0).className(), "the static path comes first");
        assertEquals(1, executor.otherPaths().size(), "the worker thread's path beside it");
        List<PathStepRow> workerPath = executor.otherPaths().get(0);
        assertEquals("java.lang.Thread", workerPath.get(0).className());
        assertEquals("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue",
                workerPath.get(workerPath.size() - 1).className());
        onlyRowAbout("PaymentGateway");
    }

    @Test
    void threadLocalValuesAreOneRowNamedByTheThreadLocalAcrossThePoolThreads() {
        Suspect buffers = at(8, "static PdfRenderer.BUFFERS", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.PAGES, 0));
        assertTrue(buffers.title().startsWith("static PdfRenderer.BUFFERS (ThreadLocal) in 4 threads: 400 → 1,200 → "
                + "2,000 entries"), buffers.title());
        onlyRowAbout("PdfRenderer");
        for (Suspect suspect : report.suspects()) {
            assertFalse(suspect.pathKey().contains("threadLocals"), suspect.title());
        }
    }

    @Test
    void jettyHandlersInstanceFieldIsNamedByItsClassAndField() {
        Suspect carts = at(9, "CheckoutHandler.carts", SuspectKind.GROWING_COLLECTION,
                perUnit(LibraryLeaks.CHECKOUTS, 0));
        assertTrue(carts.title().startsWith("HashMap at CheckoutHandler.carts grew from 60 to 300 entries"),
                carts.title());
        onlyRowAbout("carts");
    }

    @Test
    void boundedCachesTheLruMapAndTheClearingWeakMapStaySilent() {
        for (Suspect suspect : report.suspects()) {
            for (String bounded : new String[] {"CatalogCache.RECENT", "CatalogCache.PRICES", "SessionIndex.ACTIVE",
                "SessionIndex.TOKENS", "RecentlyViewed", "SubscriptionRegistry.SEEN"}) {
                assertFalse(suspect.title().contains(bounded) || suspect.pathKey().contains(bounded), suspect.title());
            }
        }
    }

    /** The suspect at this 1-based rank, checked for its path key, kind and exact counts. */
    private static Suspect at(int rank, String pathKey, SuspectKind kind, Long[] elements) {
        List<Suspect> suspects = report.suspects();
        assertTrue(suspects.size() >= rank, titles());
        Suspect suspect = suspects.get(rank - 1);
        assertEquals(pathKey, suspect.pathKey(), titles());
        assertEquals(kind, suspect.kind(), suspect.title());
        assertArrayEquals(elements, suspect.elements(), suspect.title());
        assertEquals("growing", suspect.trend().jsonName());
        return suspect;
    }

    /** {@code perUnit} entries for each unit of load, plus {@code base}, per snapshot. */
    private static Long[] perUnit(int perUnit, int base) {
        return Arrays.stream(LibraryLeaks.UNITS).mapToObj(units -> (long) base + (long) units * perUnit)
                .toArray(Long[]::new);
    }

    private static void onlyRowAbout(String word) {
        List<String> rows = report.suspects().stream().filter(s -> s.title().contains(word) || s.pathKey().contains(word))
                .map(Suspect::title).toList();
        assertEquals(1, rows.size(), rows.toString());
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList());
    }
}
