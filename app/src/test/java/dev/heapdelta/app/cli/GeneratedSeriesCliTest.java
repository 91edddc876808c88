package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.LargeHprofShape;
import dev.heapdelta.samples.large.ShapeCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --generate hprof --seed N} makes the same service's dump later, so that two seeds give two
 * large dumps to diff: the diff finds exactly the growth the shape's counts say.
 */
class GeneratedSeriesCliTest {
    private static final double SCALE = 0.01;

    @TempDir
    Path out;

    @Test
    void twoSeedsOfTheGeneratedDumpDifferByTheGrowthOfTheirEventsAndHistoryExactly() throws Exception {
        for (int seed : List.of(0, 4)) {
            CliRun generated = CliRun.of("bench", "--generate", "hprof", "--scale", Double.toString(SCALE),
                    "--seed", Integer.toString(seed), "--out", out.toString());
            assertEquals(ExitCode.OK, generated.exitCode(), generated.out() + generated.err());
        }
        Path before = LargeHprofShape.outputFile(SCALE, 0, out);
        Path after = LargeHprofShape.outputFile(SCALE, 4, out);
        assertTrue(Files.isRegularFile(before) && Files.isRegularFile(after), "both dumps: " + out);

        CliRun diff = CliRun.of("diff", before.toString(), after.toString(), "--json", "-", "--no-index-cache");
        assertEquals(ExitCode.OK, diff.exitCode(), diff.err());
        Map<String, Object> json = JsonDocuments.parse(diff.out());
        ShapeCounts reference = ShapeCounts.atScale(SCALE);
        ShapeCounts later = reference.grownBy(4);
        assertEquals(later.events() - reference.events(), countGrowth(json, "dev.heapdelta.samples.large.Event"));
        // A history element is a list node and the Long it holds.
        long history = later.historyLength() - reference.historyLength();
        assertEquals(history, countGrowth(json, "java.util.LinkedList$Node"));
        assertEquals(0, countGrowth(json, "dev.heapdelta.samples.large.Customer"));
        assertEquals(0, countGrowth(json, "dev.heapdelta.samples.large.TreeNode"));
    }

    @Test
    void aSeedIsForTheGeneratedHprofDump() {
        CliRun run = CliRun.of("bench", "--generate", "v8", "--seed", "2", "--out", out.toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--seed"), run.err());
    }

    private static long countGrowth(Map<String, Object> diff, String className) {
        for (Object row : (List<?>) diff.get("classes")) {
            Map<?, ?> classRow = (Map<?, ?>) row;
            if (className.equals(classRow.get("name"))) {
                List<?> counts = (List<?>) classRow.get("count");
                return ((Number) counts.get(counts.size() - 1)).longValue() - ((Number) counts.get(0)).longValue();
            }
        }
        return 0;
    }
}
