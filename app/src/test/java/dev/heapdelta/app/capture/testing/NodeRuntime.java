package dev.heapdelta.app.capture.testing;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code node} for tests: absent, the test is skipped, except under CI=true, where it fails (analyzer's rule). */
public final class NodeRuntime {
    private NodeRuntime() {
    }

    public static Optional<Path> find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The node on PATH; skips the test when there is none, or fails it under CI=true. */
    public static Path require() {
        Optional<Path> node = find();
        TestEnvironment.require(node.isPresent(), "node");
        return node.orElseThrow();
    }
}
