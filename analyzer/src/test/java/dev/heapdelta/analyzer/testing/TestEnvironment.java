package dev.heapdelta.analyzer.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests may need from outside the repository: the shared reference dumps beside it, and
 * {@code node}. Both are optional extras: a test skips when they are absent, except under
 * {@code CI=true}, where both are present and a skip would hide a failure.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** A file under {@code ../shared/reference}, found by walking up from the working directory. */
    public static Path sharedReference(String relative) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(relative);
                require(Files.exists(file), "reference file " + file);
                return file;
            }
        }
        require(false, "../shared/reference beside the repository");
        return null;
    }

    /** The repository's root: the nearest directory above the working directory with a {@code pom.xml} and {@code sample-dumps}. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-dumps")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
    }

    /** Skips (or, under CI, fails) unless {@code node} runs. */
    public static void requireNode() {
        boolean present;
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            present = process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        require(present, "node");
    }

    public static void require(boolean present, String what) {
        if (onCi()) {
            assertTrue(present, what + " is missing (required when CI=true)");
        }
        Assumptions.assumeTrue(present, what + " is missing");
    }
}
