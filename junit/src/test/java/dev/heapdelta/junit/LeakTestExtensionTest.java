package dev.heapdelta.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.heapdelta.junit.fixtures.AuditLogTest;
import dev.heapdelta.junit.fixtures.BoundedStructuresTest;
import dev.heapdelta.junit.fixtures.CartServiceTest;
import dev.heapdelta.junit.fixtures.SessionRegistryTest;
import dev.heapdelta.junit.fixtures.SlowLeakDefaultsTest;
import dev.heapdelta.junit.fixtures.SlowLeakTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs the fixture test classes through the Jupiter engine, as Surefire would, and reads what happened. */
class LeakTestExtensionTest {
    @TempDir
    Path dumps;

    @BeforeEach
    void dumpIntoTheTemporaryDirectory() {
        System.setProperty(LeakTestExtension.DIRECTORY_PROPERTY, dumps.toString());
    }

    @AfterEach
    void forgetTheDirectory() {
        System.clearProperty(LeakTestExtension.DIRECTORY_PROPERTY);
    }

    @Test
    void aLeakingTestFailsWithTheFieldNamedTheCountsPerIterationAndThePath() {
        EngineExecutionResults results = run(CartServiceTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        Throwable failure = failureOf(results.testEvents().failed().list().get(0));
        assertInstanceOf(AssertionError.class, failure);
        String message = failure.getMessage();
        String headline = message.lines().findFirst().orElseThrow();
        assertTrue(headline.startsWith("CartServiceTest.addsItemsToTheCart leaks: [growing-collection] ArrayList at "
                + "static CartServiceTest.ITEMS grew from "), message);
        assertTrue(message.contains("where: static CartServiceTest.ITEMS"), message);
        // 200 items per run: 400 after the two warm-up runs, then 600 … 1,400 after the five iterations.
        assertTrue(message.contains("counts: 400 → 600 → 800 → 1,000 → 1,200 → 1,400"), message);
        assertTrue(message.contains("trend: growing (series)"), message);
        assertTrue(message.contains("path: ") && message.contains(".ITEMS → java.util.ArrayList"), message);
    }

    @Test
    void theDumpsOfAFailedTestAreKeptPrivateAndNamedInTheMessage() throws IOException {
        String message = failureOf(run(CartServiceTest.class).testEvents().failed().list().get(0)).getMessage();
        Path directory = dumps.resolve(CartServiceTest.class.getName() + ".addsItemsToTheCart");
        List<Path> kept = dumpsIn(directory);
        assertEquals(6, kept.size(), "one dump after the warm-up and one per iteration");
        for (Path dump : kept) {
            assertTrue(message.contains(dump.toString()), message);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dump)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertTrue(kept.get(0).getFileName().toString().equals("heap-0.hprof"), kept.toString());
    }

    @Test
    void boundedStructuresAtTheirMaximumPassAndTheirDumpsAreDeleted() throws IOException {
        EngineExecutionResults results = run(BoundedStructuresTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertFalse(Files.exists(dumps.resolve(BoundedStructuresTest.class.getName() + ".evictsAsMuchAsItAdds")));
        assertEquals(List.of(), listOf(dumps), "a passing test leaves no dump behind");
    }

    @Test
    void anIgnoredPathKeyDoesNotFailTheTestButAnotherPathStillDoes() {
        EngineExecutionResults results = run(AuditLogTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals("appendsToTheAccessLog()", failed.getTestDescriptor().getDisplayName());
        String message = failureOf(failed).getMessage();
        assertTrue(message.contains("where: static AuditLogTest.ACCESS_LOG"), message);
        assertFalse(message.contains("AUDIT_LOG"), message);
    }

    @Test
    void onAClassEveryTestMethodIsCheckedAndOnlyTheLeakingOneFails() {
        EngineExecutionResults results = run(SessionRegistryTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals("logsInAndForgetsToLogOut()", failed.getTestDescriptor().getDisplayName());
        String message = failureOf(failed).getMessage();
        assertTrue(message.contains("HashMap at static SessionRegistryTest.SESSIONS"), message);
        // warmup = 1, iterations = 3: 100 leaked sessions per run.
        assertTrue(message.contains("counts: 100 → 200 → 300 → 400"), message);
    }

    @Test
    void growthBelowTheThresholdsPasses() {
        run(SlowLeakTest.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void theSameSlowLeakFailsWithTheDefaultThreshold() {
        // The fixture's growth, 5 entries a run, is real: only its thresholds let it pass.
        EngineExecutionResults results = run(SlowLeakDefaultsTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = failureOf(results.testEvents().failed().list().get(0)).getMessage();
        assertTrue(message.contains("static SlowLeakDefaultsTest.FEW"), message);
        Matcher counts = Pattern.compile("counts: ([\\d,]+) → ([\\d,]+)").matcher(message);
        assertTrue(counts.find(), message);
        assertEquals(5, Long.parseLong(counts.group(2).replace(",", "")) - Long.parseLong(counts.group(1)
                .replace(",", "")));
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    private static Throwable failureOf(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static List<Path> dumpsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".hprof")).sorted().toList();
        }
    }

    private static List<Path> listOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
