package dev.heapdelta.analyzer.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find what they check against: the reference dumps vendored in the repository
 * ({@code reference/}, always present), and {@code node} and {@code chromium}, optional extras: a test
 * that needs one skips without it, except under {@code CI=true}, where it is present and a skip would
 * hide a failure.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /**
     * A new directory inside this test run's temporary directory ({@link FreshTemporaryDirectory}), deleted with
     * it. Tests call this, not {@link Files#createTempDirectory(String)}: the JDK reads {@code java.io.tmpdir}
     * for that once, before the run's directory is set, so directories made that way were left in the
     * system's temporary directory.
     */
    public static Path temporaryDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * A file under the repository's {@code reference/} (see its README.md for each file's origin). The
     * name is kept from when the data lay beside the repository; a missing file is a broken checkout,
     * so it fails rather than skips.
     */
    public static Path sharedReference(String relative) {
        Path file = repositoryRoot().resolve("reference").resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("reference file " + file + " is missing from the repository");
        }
        return file;
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
        require(runs("node", "--version"), "node");
    }

    /**
     * Skips (or, under CI, fails) unless a headless Chromium runs: {@code $CHROMIUM}, or
     * {@code chromium} on the PATH (Debian's package, which {@code .ci/run} installs).
     */
    public static void requireChromium() {
        require(runs(chromium(), "--version"), "chromium");
    }

    /** The Chromium command the browser tests run. */
    public static String chromium() {
        String chosen = System.getenv("CHROMIUM");
        return chosen == null || chosen.isBlank() ? "chromium" : chosen;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static void require(boolean present, String what) {
        if (onCi()) {
            assertTrue(present, what + " is missing (required when CI=true)");
        }
        Assumptions.assumeTrue(present, what + " is missing");
    }
}
