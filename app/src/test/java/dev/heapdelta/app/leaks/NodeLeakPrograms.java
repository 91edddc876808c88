package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a leaking program of test-node/leaks/ with node and loads the snapshots it writes at t0, t1 and t2. */
final class NodeLeakPrograms {
    private NodeLeakPrograms() {
    }

    /** Runs test-node/leaks/{@code program}, which writes {@code prefix-t0..t2.heapsnapshot} into {@code dir}. */
    static List<Snapshot> run(Path dir, String program, String prefix) throws Exception {
        TestEnvironment.requireNode();
        Path testNode = TestEnvironment.repositoryRoot().resolve("test-node");
        TestEnvironment.require(Files.isDirectory(testNode.resolve("node_modules").resolve("express")),
                "test-node/node_modules (npm ci --prefix test-node)");
        Process process = new ProcessBuilder("node", testNode.resolve("leaks").resolve(program).toString(),
                dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("node.log")));
        List<Snapshot> snapshots = new ArrayList<>();
        for (String moment : new String[] {"t0", "t1", "t2"}) {
            Path file = dir.resolve(prefix + "-" + moment + ".heapsnapshot");
            snapshots.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
        return snapshots;
    }

    static void close(List<Snapshot> snapshots) {
        for (Snapshot snapshot : snapshots) {
            snapshot.close();
        }
    }
}
