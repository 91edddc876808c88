package dev.heapdelta.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The benchmark's V8 snapshot: the six Node leak patterns of {@code sample-dumps/node/leaks.js}, each
 * with about 82,000 entries at scale 1 (a 490 MB snapshot of 6.4 M nodes, the reference shape).
 * The script ships inside the jar and is copied out next to the snapshot, then run with {@code node}.
 */
public final class LargeV8Shape {
    /** Entries per pattern at scale 1, chosen so that the snapshot matches the reference's size. */
    static final int ENTRIES_AT_SCALE_1 = 82_000;
    private static final String RESOURCES = "/heapdelta/generators/node/";
    private static final List<String> SCRIPTS = List.of("leaks.js", "patterns/array-growth.js",
            "patterns/capped-cache.js", "patterns/closure-req.js", "patterns/hanging-promises.js",
            "patterns/listeners.js", "patterns/map-cache.js", "patterns/object-cache.js");

    private LargeV8Shape() {
    }

    public static int entries(double scale) {
        return Math.max(10, (int) Math.round(ENTRIES_AT_SCALE_1 * scale));
    }

    /** Copies the generator into {@code directory}/generator and returns the {@code node} command that writes the snapshot. */
    public static List<String> nodeCommand(double scale, Path directory) throws IOException {
        Path generator = directory.resolve("generator");
        for (String script : SCRIPTS) {
            Path target = generator.resolve(script);
            Files.createDirectories(target.getParent());
            try (InputStream in = LargeV8Shape.class.getResourceAsStream(RESOURCES + script)) {
                if (in == null) {
                    throw new IOException("the Node generator script " + script + " is not in this build");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return List.of("node", generator.resolve("leaks.js").toString(), "--entries", Integer.toString(entries(scale)),
                "--out", directory.toAbsolutePath().toString());
    }

    /** The snapshot {@link #nodeCommand} writes. */
    public static Path outputFile(double scale, Path directory) {
        return directory.resolve("leaks-" + entries(scale) + ".heapsnapshot");
    }
}
