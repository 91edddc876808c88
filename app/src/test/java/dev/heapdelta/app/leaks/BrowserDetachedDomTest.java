package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached DOM in a real browser: a page in headless Chromium (test-node/chromium/detached-rows.html)
 * replaces table rows and keeps every removed row in a global array, 100 more per step, beside an
 * undo list that keeps only the last 10 and rows it lets go. Three heap snapshots are taken over the
 * DevTools protocol as DevTools' Memory panel takes them (test-node/chromium/heap-snapshots.js). The
 * page's own count of the nodes in the kept trees (a TreeWalker over each) is the oracle.
 */
class BrowserDetachedDomTest {
    private static final Pattern STEP = Pattern.compile(
            "t\\d \\{\"leakedTrees\":(\\d+),\"leakedNodes\":(\\d+),\"undoTrees\":(\\d+),\"undoNodes\":(\\d+),");

    @TempDir
    Path dir;

    @Test
    void rowsKeptInAGlobalArrayAfterRemovalAreOneDetachedDomSuspectNamedByTheVariable() throws Exception {
        List<long[]> steps = new ArrayList<>();
        List<Snapshot> snapshots = capture(steps);
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the bounded undo list and the released"
                    + " rows are silent: " + report.suspects().stream().map(Suspect::title).toList());
            Suspect rows = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, rows.kind());
            assertEquals("global › leakedRows", rows.pathKey());
            assertArrayEquals(new Long[] {100L, 200L, 300L}, rows.elements());
            assertEquals(List.of("detached DOM trees", "detached DOM nodes"),
                    rows.evidence().stream().limit(2).map(Evidence::name).toList(), "the holder's figures come first");
            assertArrayEquals(column(steps, 0), evidence(rows, "detached DOM trees").count());
            assertArrayEquals(column(steps, 1), evidence(rows, "detached DOM nodes").count());
            assertTrue(rows.title().startsWith("Array at global › leakedRows keeps detached DOM: 100 → 200 → 300"
                    + " trees of 500 → 1,000 → 1,500 nodes ("), rows.title());
            // Flat retainers are listed apart, and are Blink's own (its default style sheets), never the rows.
            for (Suspect retainer : report.largeRetainers()) {
                assertFalse(retainer.pathKey().contains("Rows") || retainer.className().startsWith("Detached "),
                        retainer.title());
            }
            // The rows neither list keeps were collected: the only detached rows left are the kept ones.
            assertArrayEquals(sum(column(steps, 0), column(steps, 2)), detachedClass(report, "Detached <div>").count());
            DiffReport lastOnly = DiffReports.of(List.of(snapshots.get(2)), false);
            Suspect retainer = lastOnly.suspects().get(0);
            assertEquals("global › leakedRows", retainer.pathKey(), "one dump: the array is the biggest retainer");
            assertTrue(retainer.title().endsWith("in 300 entries; it keeps 300 detached DOM trees of 1,500 nodes"),
                    retainer.title());
            assertArrayEquals(new Long[] {column(steps, 1)[2]}, evidence(retainer, "detached DOM nodes").count());
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    private static Evidence evidence(Suspect suspect, String name) {
        return suspect.evidence().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + name + " in " + suspect.evidence()));
    }

    private static ClassDiffRow detachedClass(DiffReport report, String name) {
        return report.classes().stream().filter(row -> row.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + name));
    }

    private static Long[] column(List<long[]> steps, int i) {
        return steps.stream().map(step -> step[i]).toArray(Long[]::new);
    }

    private static Long[] sum(Long[] a, Long[] b) {
        Long[] sum = new Long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** Runs the page in Chromium; {@code steps} gets the page's counts at each snapshot. */
    private List<Snapshot> capture(List<long[]> steps) throws Exception {
        TestEnvironment.requireNode();
        TestEnvironment.requireChromium();
        Path testNode = TestEnvironment.repositoryRoot().resolve("test-node");
        TestEnvironment.require(Files.isDirectory(testNode.resolve("node_modules").resolve("ws")),
                "test-node/node_modules (npm ci --prefix test-node)");
        Path chromium = testNode.resolve("chromium");
        ProcessBuilder builder = new ProcessBuilder("node", chromium.resolve("heap-snapshots.js").toString(),
                chromium.resolve("detached-rows.html").toString(), dir.toString(), "rows", "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("capture.log").toFile());
        builder.environment().put("CHROMIUM", TestEnvironment.chromium());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the capture did not finish");
        String log = Files.readString(dir.resolve("capture.log"));
        assertEquals(0, process.exitValue(), log);
        Matcher step = STEP.matcher(log);
        while (step.find()) {
            steps.add(new long[] {Long.parseLong(step.group(1)), Long.parseLong(step.group(2)),
                    Long.parseLong(step.group(3)), Long.parseLong(step.group(4))});
        }
        assertEquals(3, steps.size(), log);
        List<Snapshot> snapshots = new ArrayList<>();
        for (String moment : new String[] {"t0", "t1", "t2"}) {
            Path file = dir.resolve("rows-" + moment + ".heapsnapshot");
            snapshots.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
        return snapshots;
    }
}
