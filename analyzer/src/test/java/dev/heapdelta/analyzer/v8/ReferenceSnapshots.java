package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared reference dumps beside the repository; skips when absent, fails under CI. */
final class ReferenceSnapshots {
    private ReferenceSnapshots() {
    }

    static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    static Path reference(String relative) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate) && !d.equals(dir)) {
                Path file = candidate.resolve(relative);
                requirePresent(Files.exists(file), "reference file " + file);
                return file;
            }
        }
        requirePresent(false, "shared/reference beside the repository");
        return null;
    }

    static void requirePresent(boolean present, String what) {
        if (onCi()) {
            assertTrue(present, what + " is missing (required when CI=true)");
        }
        Assumptions.assumeTrue(present, what + " is missing");
    }

    static HeapGraph read(Path file) throws IOException {
        return V8SnapshotReader.read(file, ReadOptions.of(file), CancelSignal.NEVER, ProgressListener.NONE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new JsonByteScanner(in, file.toString()).readGenericValue();
        }
    }
}
