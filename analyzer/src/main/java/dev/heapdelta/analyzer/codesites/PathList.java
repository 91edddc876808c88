package dev.heapdelta.analyzer.codesites;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code --classpath} or {@code --sources} value: entries separated by the platform's path separator. */
public final class PathList {
    private PathList() {
    }

    /** @throws IllegalArgumentException naming the option and the first entry that does not exist */
    public static List<Path> existing(String option, String pathList) {
        List<Path> entries = new ArrayList<>();
        for (String part : pathList.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(option + " " + part + ": no such file or directory");
            }
            entries.add(path);
        }
        return entries;
    }
}
