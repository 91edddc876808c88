package dev.heapdelta.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The example dumps bundled as resources under {@code heapdelta/examples/}: a series of three snapshots
 * ({@code leaks-t0}, {@code leaks-t1}, {@code leaks-t2}) per runtime, and copying them to files.
 */
public final class Examples {
    /** The runtime an example series was taken from, with its resource folder and file suffix. */
    public enum Platform {
        JAVA("java", ".hprof.gz"),
        NODE("node", ".heapsnapshot.gz");

        private final String folder;
        private final String suffix;

        Platform(String folder, String suffix) {
            this.folder = folder;
            this.suffix = suffix;
        }
    }

    static final String ROOT = "heapdelta/examples/";
    private static final List<String> MOMENTS = List.of("t0", "t1", "t2");

    private Examples() {
    }

    /** The bundled resource names of {@code platform}'s series, in snapshot order; empty if none are bundled. */
    public static List<String> resourceNames(Platform platform) {
        List<String> names = new ArrayList<>();
        for (String moment : MOMENTS) {
            String name = ROOT + platform.folder + "/" + fileName(platform, moment);
            if (Examples.class.getClassLoader().getResource(name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    public static boolean isBundled(Platform platform) {
        return !resourceNames(platform).isEmpty();
    }

    /**
     * Copies {@code platform}'s series into {@code directory} (created if needed), replacing files of the same
     * names, and returns the files in snapshot order. They stay gzipped: HeapDelta reads gzip directly.
     */
    public static List<Path> copyTo(Platform platform, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (String name : resourceNames(platform)) {
            Path target = directory.resolve(name.substring(name.lastIndexOf('/') + 1));
            try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("bundled example " + name + " disappeared while being copied");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            files.add(target);
        }
        return files;
    }

    /**
     * The series' {@code manifest.json} (what each pattern holds per snapshot and the expected suspects), if one
     * is bundled.
     */
    public static Optional<String> manifestJson(Platform platform) throws IOException {
        try (InputStream in = Examples.class.getClassLoader()
                .getResourceAsStream(ROOT + platform.folder + "/manifest.json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String fileName(Platform platform, String moment) {
        return "leaks-" + moment + platform.suffix;
    }
}
