package dev.heapdelta.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.heapdelta.junit.fixtures.FiftyMegabyteHeapTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What {@code @LeakTest} costs on a test whose heap is about 50 MB: the README's figure comes from the line
 * this test prints ({@code mvn -pl junit -am test -Dtest=LeakTestOverheadTest -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class LeakTestOverheadTest {
    @TempDir
    Path dumps;

    @Test
    void aFiftyMegabyteHeapThatDoesNotGrowPassesAndReportsTheTimeOfEachDumpAndOfTheDiff() {
        System.setProperty(LeakTestExtension.DIRECTORY_PROPERTY, dumps.toString());
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FiftyMegabyteHeapTest.class))
                    .execute();
        } finally {
            System.clearProperty(LeakTestExtension.DIRECTORY_PROPERTY);
        }
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        Map<String, String> entry = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(pairs -> pairs.containsKey("heapdelta.diffMillis")).findFirst().orElseThrow();
        long heapBytes = Long.parseLong(entry.get("heapdelta.heapBytes"));
        assertTrue(heapBytes > 45L << 20 && heapBytes < 70L << 20, "the heap should be about 50 MB: " + heapBytes);
        assertEquals("6", entry.get("heapdelta.dumps"));
        System.out.printf("@LeakTest overhead on a %.1f MB heap: %s ms per dump, %s ms to diff the %s dumps (%s ms CPU),"
                + " load average %.1f%n", heapBytes / 1048576.0, entry.get("heapdelta.dumpMillisEach"),
                entry.get("heapdelta.diffMillis"), entry.get("heapdelta.dumps"), entry.get("heapdelta.diffCpuMillis"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
