package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import dev.heapdelta.samples.LeakingJvmService;
import dev.heapdelta.samples.service.PatternExpectation;
import dev.heapdelta.samples.service.SamplePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java leak patterns, on dumps made in this test: the sample service runs in a child JVM and
 * dumps itself at three moments. Each leak is reported with exact entry counts and a path key that
 * names its static field; the bounded cache and the weak map are not.
 */
class JavaLeakSeriesTest {
    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void dumpTheServiceThreeTimesAndDiff() throws Exception {
        DumpingProgram.run(LeakingJvmService.class.getName(), "64m", 120, dumps, dumps.resolve("service.log"));
        List<Path> files = new ArrayList<>();
        for (String moment : new String[] {"t0", "t1", "t2"}) {
            files.add(dumps.resolve("leaks-" + moment + ".hprof.gz"));
        }
        snapshots.addAll(DumpingProgram.load(files, AnalysisOptions.defaults()));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void staticHashMapCacheIsTheFirstSuspectWithExactCounts() {
        Suspect first = report.suspects().get(0);
        assertEquals("static SessionStore.CACHE", first.pathKey());
        assertEquals(SuspectKind.GROWING_COLLECTION, first.kind());
        assertArrayEquals(new Long[] {500L, 3000L, 6000L}, first.elements());
        assertEquals("growing", first.trend().jsonName());
        assertEquals("series", first.trendBasis());
        assertTrue(first.evidence().stream().anyMatch(e -> e.name().endsWith(".Session")), first.evidence().toString());
    }

    @Test
    void theSessionsStringsAreTheSessionCachesEvidenceNotARowOfTheirOwn() {
        Suspect sessions = suspect("static SessionStore.CACHE");
        PatternExpectation users = SamplePatterns.all().stream()
                .filter(p -> p.pattern().equals("unbounded-guava-cache")).findFirst().orElseThrow();
        // A session holds its id and token, and its user's id unless the user cache holds that very string
        // (the first request of each user puts it there).
        Long[] expected = new Long[sessions.elements().length];
        for (int s = 0; s < expected.length; s++) {
            int requests = sessions.elements()[s].intValue();
            expected[s] = 3L * requests - users.elementsAfterRequests().applyAsInt(requests);
        }
        Evidence strings = sessions.evidence().stream().filter(e -> e.name().equals("java.lang.String")).findFirst()
                .orElseThrow(() -> new AssertionError(sessions.evidence().toString()));
        assertArrayEquals(expected, strings.count());
        assertTrue(sessions.evidence().get(0).name().endsWith(".Session"), "the entries first: " + sessions.evidence());
        for (Suspect suspect : report.suspects()) {
            assertFalse(suspect.kind() == SuspectKind.GROWING_CLASS, "one row per leak: " + titles());
        }
        assertEquals(4, report.suspects().size(), titles().toString());
    }

    @Test
    void growingListenerListIsListenerAccumulation() {
        Suspect listeners = suspect("static EventBus.LISTENERS");
        assertEquals(SuspectKind.LISTENER_ACCUMULATION, listeners.kind());
        assertArrayEquals(new Long[] {125L, 750L, 1500L}, listeners.elements());
    }

    @Test
    void unboundedArrayDequeIsReported() {
        Suspect queue = suspect("static WorkQueue.PENDING");
        assertEquals(SuspectKind.GROWING_COLLECTION, queue.kind());
        assertArrayEquals(new Long[] {250L, 1500L, 3000L}, queue.elements());
    }

    @Test
    void guavaCacheWithoutMaximumSizeIsReported() {
        Suspect cache = suspect("static UserCache.CACHE");
        assertArrayEquals(new Long[] {200L, 1200L, 2400L}, cache.elements());
    }

    @Test
    void boundedCacheAndWeakMapAreNotSuspects() {
        for (Suspect suspect : report.suspects()) {
            assertFalse(suspect.pathKey().startsWith("static BoundedCache.CACHE"), suspect.title());
            assertFalse(suspect.pathKey().startsWith("static Interner.WEAK"), suspect.title());
            assertFalse(suspect.pathKey().startsWith("static ConnectionPool.CONNECTIONS"), suspect.title());
        }
    }

    @Test
    void holdersOfEverythingAreNoSuspects() {
        for (Suspect suspect : report.suspects()) {
            assertFalse(suspect.pathKey().contains("AppClassLoader"), "the class loader's class list: " + suspect.title());
            assertFalse(suspect.className().equals("java.lang.Class"), "a class object: " + suspect.title());
        }
    }

    @Test
    void collectionSuspectsComeFirstAndCarryAPathToAGcRoot() {
        List<Suspect> suspects = report.suspects();
        for (int i = 0; i < 4; i++) {
            assertTrue(suspects.get(i).kind().isCollection(), suspects.get(i).title());
            assertFalse(suspects.get(i).pathToRoot().isEmpty());
            assertNotNull(suspects.get(i).objectIds()[2]);
        }
    }

    @Test
    void samplesNeverShowTheSecretTokens() {
        for (Suspect suspect : report.suspects()) {
            for (String sample : suspect.samples()) {
                assertFalse(sample.contains("SECRET-TOKEN-"), sample);
            }
        }
    }

    private static Suspect suspect(String pathKey) {
        return report.suspects().stream().filter(s -> s.pathKey().equals(pathKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no suspect at " + pathKey + " in " + titles()));
    }

    private static List<String> titles() {
        return report.suspects().stream().map(Suspect::title).toList();
    }

}
