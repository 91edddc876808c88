package dev.heapdelta.analyzer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run a temporary directory of its own, deleted at the end, so that the default
 * cache directory ({@code heapdelta-cache-<user>} in {@code java.io.tmpdir}: inflated dumps and the index
 * cache) is never shared with another run: a test must never reuse an analysis saved by an older
 * build of the code, nor depend on what an earlier run left there. Registered for the analyzer's and
 * (through the test jar) the app's tests in {@code META-INF/services}.
 */
public final class FreshTemporaryDirectory implements LauncherSessionListener {
    private Path directory;
    private String previous;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            previous = System.getProperty("java.io.tmpdir");
            directory = Files.createTempDirectory("heapdelta-tests-");
            System.setProperty("java.io.tmpdir", directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (directory == null) {
            return;
        }
        System.setProperty("java.io.tmpdir", previous);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Left in the system's temporary directory, which the system cleans.
        }
    }
}
