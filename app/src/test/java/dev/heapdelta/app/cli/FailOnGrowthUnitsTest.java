package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --fail-on-growth} suffixes mean what they say: KB, MB powers of 1000, KiB, MiB powers of 1024,
 * on the growth of the largest suspect of the committed Node samples (read from the JSON).
 */
class FailOnGrowthUnitsTest {

    @Test
    void kilobytesAreThousandsAndKibibytesAreMultiplesOf1024() throws IOException {
        Path t0 = TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks-t0.heapsnapshot.gz");
        Path t2 = TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks-t2.heapsnapshot.gz");
        long growth = largestGrowth(CliRun.of("diff", t0.toString(), t2.toString(), "--json", "-").out());
        long kibibytes = (growth + 1023) / 1024;
        assertTrue(kibibytes * 1000 < growth, "a growth where the two units disagree: " + growth);

        assertEquals(ExitCode.OK, exitCodeAt(t0, t2, kibibytes + "KiB"), "at least the growth in KiB");
        assertEquals(ExitCode.GROWTH_THRESHOLD_EXCEEDED, exitCodeAt(t0, t2, kibibytes + "KB"),
                "the same number in KB is less than the growth");
        assertEquals(ExitCode.OK, exitCodeAt(t0, t2, Long.toString(growth)), "bytes: not more than the growth");
        assertEquals(ExitCode.GROWTH_THRESHOLD_EXCEEDED, exitCodeAt(t0, t2, (growth - 1) + "B"));
        CliRun below = CliRun.of("diff", t0.toString(), t2.toString(), "--fail-on-growth", "1MB");
        assertTrue(below.err().contains("exceeds --fail-on-growth 1MB (1,000,000 bytes)"), below.err());
    }

    private static int exitCodeAt(Path t0, Path t2, String size) {
        return CliRun.of("diff", t0.toString(), t2.toString(), "--fail-on-growth", size).exitCode();
    }

    @SuppressWarnings("unchecked")
    private static long largestGrowth(String json) throws IOException {
        long largest = 0;
        for (Object suspect : (List<Object>) JsonTrees.parse(json).get("suspects")) {
            List<Object> retained = (List<Object>) ((Map<String, Object>) suspect).get("retainedBytes");
            long first = retained.get(0) == null ? 0 : (Long) retained.get(0);
            long last = retained.get(retained.size() - 1) == null ? 0 : (Long) retained.get(retained.size() - 1);
            largest = Math.max(largest, last - first);
        }
        return largest;
    }
}
