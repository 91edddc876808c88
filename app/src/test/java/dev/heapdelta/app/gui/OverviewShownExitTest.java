package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gui FILES --exit-when-shown}, as {@code bench --commands} times the app: headless on Monocle, it
 * says when the overview of the files is shown and exits; files it cannot open end it with exit code 2.
 */
class OverviewShownExitTest {
    private static final Path SAMPLES = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");

    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private Run app(String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work, "-Djava.util.prefs.userRoot=" + work.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gui"));
        command.addAll(List.of(files));
        command.add("--exit-when-shown");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the app did not exit");
        return new Run(process.exitValue(), Files.readString(work.resolve("out.txt")),
                Files.readString(work.resolve("err.txt")));
    }

    @Test
    void theAppSaysWhenTheOverviewOfTheFilesIsShownAndExits() throws Exception {
        Run run = app(SAMPLES.resolve("leaks-t0.hprof.gz").toString(), SAMPLES.resolve("leaks-t2.hprof.gz").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().matches("overview shown after [\\d,]+ ms\\R"), run.out());
        // The entries the app writes after showing the overview are finished before it exits.
        Path index = work.resolve("heapdelta-cache-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve("index");
        try (var entries = Files.list(index)) {
            assertEquals(2, entries.filter(entry -> Files.isRegularFile(entry.resolve("entry.properties"))).count(),
                    "complete entries in " + index);
        }
    }

    @Test
    void aFileTheAppCannotOpenEndsItWithItsProblemInsteadOfADialog() throws Exception {
        Path junk = Files.writeString(work.resolve("not-a-dump.hprof"), "not a heap dump");
        Run run = app(junk.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("could not open: " + junk + ": "), run.out());
        assertTrue(run.out().contains("not a heap dump"), run.out());
    }
}
