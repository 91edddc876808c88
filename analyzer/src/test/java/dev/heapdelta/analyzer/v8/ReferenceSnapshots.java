package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The shared reference dumps and how V8 tests read them; presence rules are {@link TestEnvironment}'s. */
final class ReferenceSnapshots {
    private ReferenceSnapshots() {
    }

    static boolean onCi() {
        return TestEnvironment.onCi();
    }

    /** A file under the repository's reference/ (see {@link TestEnvironment}). */
    static Path reference(String relative) {
        return TestEnvironment.sharedReference(relative);
    }

    static void requirePresent(boolean present, String what) {
        TestEnvironment.require(present, what);
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
