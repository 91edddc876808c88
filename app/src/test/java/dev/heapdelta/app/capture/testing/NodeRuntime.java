package dev.heapdelta.app.capture.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds {@code node} for tests: absent, the test is skipped, except under CI=true, where it fails. */
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

    public static Path require() {
        Optional<Path> node = find();
        if (node.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("node is not on PATH, and CI=true requires the Node capture tests to run");
            }
            Assumptions.assumeTrue(false, "node is not on PATH");
        }
        return node.get();
    }
}
