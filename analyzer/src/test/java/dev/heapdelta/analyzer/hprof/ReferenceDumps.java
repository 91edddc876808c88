package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared reference dumps beside the repository; skips when absent, fails when CI=true. */
final class ReferenceDumps {
    private ReferenceDumps() {
    }

    static Path file(String relative) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(relative);
                requirePresent(Files.exists(file), "reference file " + file);
                return file;
            }
        }
        requirePresent(false, "shared/reference beside the repository");
        return null;
    }

    private static void requirePresent(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, what + " is missing (required when CI=true)");
        }
        Assumptions.assumeTrue(present, what + " is missing");
    }

    static HeapGraph read(Path file, int dumpIndex, Path cacheDirectory) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.getFileName().toString(), dumpIndex, cacheDirectory),
                CancelSignal.NEVER, ProgressListener.NONE);
    }
}
