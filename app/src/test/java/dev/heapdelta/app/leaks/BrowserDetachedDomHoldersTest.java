package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
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
 * Detached DOM whose holder is no JS collection, in headless Chromium
 * (test-node/chromium/detached-holders.html): a panel object's {@code archive} property holds one
 * detached tree that grows by 200 cards per step, listener closures on an {@code EventTarget}
 * (whose listener list is Blink's, not a JS array) each capture a detached row, 150 more per step,
 * and a closure's variable {@code kept} holds a detached {@code <div>} that gains 100 notes per
 * step. Each headline names the page's variable and property, with the trees and nodes, not the
 * first child that dominates its siblings nor Blink's vector. None retains a tenth of the heap (the
 * page's catalogue is most of it): they are found by their detached nodes. The page counts the
 * nodes itself (a TreeWalker over each tree) and the rows it hands to listeners: the oracle. Its
 * undo list of the last 5 rows and the catalogue stay silent.
 */
class BrowserDetachedDomHoldersTest {
    private static final Pattern STEP = Pattern.compile("t\\d \\{\"archiveNodes\":(\\d+),\"listenerRows\":(\\d+),"
            + "\"listenerNodes\":(\\d+),\"draftNodes\":(\\d+),\"undoTrees\":(\\d+),\"undoNodes\":(\\d+),"
            + "\"catalogue\":(\\d+)}");

    @TempDir
    Path dir;

    @Test
    void detachedTreesHeldByAPropertyListenerClosuresAndAClosureVariableAreNamedByThePagesVariables()
            throws Exception {
        List<long[]> steps = new ArrayList<>();
        List<Snapshot> snapshots = capture(steps);
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(3, report.suspects().size(), "three leaks, three rows; the undo list of 5 rows and the"
                    + " catalogue are silent: " + report.suspects().stream().map(Suspect::title).toList());

            Suspect archive = report.suspects().get(0);
            assertEquals(SuspectKind.ACCUMULATION_POINT, archive.kind());
            assertEquals("global › panel › archive", archive.pathKey(), "the property, not the tree's first child");
            assertEquals("Detached <section>", archive.className());
            assertArrayEquals(new Long[] {1L, 1L, 1L}, evidence(archive, "detached DOM trees").count(), "one tree");
            assertArrayEquals(column(steps, 0), evidence(archive, "detached DOM nodes").count());
            assertTrue(archive.title().startsWith("Detached <section> at global › panel › archive keeps detached DOM:"
                    + " 1 → 1 → 1 trees of 601 → 1,201 → 1,801 nodes ("), archive.title());

            Suspect bus = report.suspects().get(1);
            assertEquals(SuspectKind.ACCUMULATION_POINT, bus.kind());
            assertEquals("global › bus", bus.pathKey(), "the event target, not Blink's listener vector");
            assertEquals("EventTarget", bus.className());
            assertArrayEquals(column(steps, 1), evidence(bus, "detached DOM trees").count(), "a row per listener");
            assertArrayEquals(column(steps, 2), evidence(bus, "detached DOM nodes").count());
            assertTrue(bus.title().startsWith("EventTarget at global › bus keeps detached DOM: 150 → 300 → 450 trees"
                    + " of 300 → 600 → 900 nodes ("), bus.title());

            Suspect drafts = report.suspects().get(2);
            assertEquals(SuspectKind.ACCUMULATION_POINT, drafts.kind());
            assertEquals("Module(detached-holders.html) › kept", drafts.pathKey(),
                    "the variable the closure captures, in the page's script");
            assertEquals("Detached <div>", drafts.className());
            assertArrayEquals(new Long[] {1L, 1L, 1L}, evidence(drafts, "detached DOM trees").count(), "one tree");
            assertArrayEquals(column(steps, 3), evidence(drafts, "detached DOM nodes").count());
            assertTrue(drafts.title().startsWith("Detached <div> at Module(detached-holders.html) › kept keeps"
                    + " detached DOM: 1 → 1 → 1 trees of 101 → 201 → 301 nodes ("), drafts.title());

            for (Suspect suspect : report.suspects()) {
                assertTrue(!suspect.pathKey().contains("undo") && !suspect.pathKey().contains("catalogue")
                        && !suspect.pathKey().endsWith("[]"), suspect.pathKey());
            }
            long heap = snapshots.get(2).totalShallowBytes();
            for (Suspect suspect : report.suspects()) {
                assertTrue(suspect.retainedBytes()[2] < heap / 10, "below a large retainer's share, found"
                        + " by its detached nodes: " + suspect.title());
            }
            for (long[] step : steps) {
                assertEquals(5, step[4], "the undo list's oracle");
                assertEquals(40_000, step[6], "the catalogue's oracle");
            }
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

    private static Long[] column(List<long[]> steps, int i) {
        return steps.stream().map(step -> step[i]).toArray(Long[]::new);
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
                chromium.resolve("detached-holders.html").toString(), dir.toString(), "holders", "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("capture.log").toFile());
        builder.environment().put("CHROMIUM", TestEnvironment.chromium());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the capture did not finish");
        String log = Files.readString(dir.resolve("capture.log"));
        assertEquals(0, process.exitValue(), log);
        Matcher step = STEP.matcher(log);
        while (step.find()) {
            long[] figures = new long[7];
            for (int i = 0; i < figures.length; i++) {
                figures[i] = Long.parseLong(step.group(i + 1));
            }
            steps.add(figures);
        }
        assertEquals(3, steps.size(), log);
        List<Snapshot> snapshots = new ArrayList<>();
        for (String moment : new String[] {"t0", "t1", "t2"}) {
            Path file = dir.resolve("holders-" + moment + ".heapsnapshot");
            snapshots.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
        return snapshots;
    }
}
