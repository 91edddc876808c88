package dev.heapdelta.analyzer.inspections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Node writes two snapshots of one process (resources/inspections/v8-planted.js), "before" and "after"
 * planting known waste: duplicate, concatenated and flattened strings, empty Maps, Sets and Arrays, a Map
 * and a Set of known fill, and instances of classes from two packages in a node_modules written here.
 */
public final class V8PlantedSnapshots {
    public static final int DUPLICATES = 30;
    public static final int CONCATENATIONS = 12;
    public static final int FLATTENED = 7;
    public static final int EMPTY_MAPS = 40;
    public static final int EMPTY_SETS = 15;
    public static final int EMPTY_ARRAYS = 25;
    public static final int WIDGETS = 40;
    public static final int GADGETS = 12;

    private V8PlantedSnapshots() {
    }

    /** Writes the program and its two packages into {@code directory}, runs it, and returns the directory. */
    public static Path write(Path directory) throws IOException, InterruptedException {
        Path script = directory.resolve("v8-planted.js");
        try (InputStream in = Objects.requireNonNull(
                V8PlantedSnapshots.class.getResourceAsStream("/inspections/v8-planted.js"), "v8-planted.js")) {
            Files.copy(in, script);
        }
        writePackage(directory.resolve("node_modules/planted-widgets"), "Widget");
        writePackage(directory.resolve("node_modules/@planted/gadgets"), "Gadget");
        Path log = directory.resolve("node.txt");
        Process node = new ProcessBuilder("node", "--expose-gc", script.toString(), directory.toString(),
                String.valueOf(DUPLICATES), String.valueOf(CONCATENATIONS), String.valueOf(FLATTENED),
                String.valueOf(EMPTY_MAPS), String.valueOf(EMPTY_SETS), String.valueOf(EMPTY_ARRAYS),
                String.valueOf(WIDGETS), String.valueOf(GADGETS))
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS) && node.exitValue() == 0, Files.readString(log));
        return directory;
    }

    private static void writePackage(Path directory, String className) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("index.js"), """
                class %s {
                  constructor(i) {
                    this.index = i;
                    this.kind = '%s';
                  }
                }
                module.exports = { %s };
                """.formatted(className, className.toLowerCase(java.util.Locale.ROOT), className));
    }

    public static Snapshot load(Path file) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withIndexCache(false);
        return SnapshotLoader.load(file, file.getFileName().toString(), options, CancelSignal.NEVER,
                ProgressListener.NONE);
    }
}
