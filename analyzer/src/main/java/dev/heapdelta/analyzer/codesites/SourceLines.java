package dev.heapdelta.analyzer.codesites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application's sources ({@code --sources DIR[:DIR|x-sources.jar…]}), for the text of a code site's
 * line and for the modules of a V8 heap. A file is found by its package path ({@code com/shop/Cart.java})
 * under a root, under {@code src/main/java} of a root, or in a sources jar; read once, then kept.
 */
public final class SourceLines {
    private static final String[] LAYOUTS = {"", "src/main/java/", "src/"};

    private final List<Path> roots;
    private final Map<String, List<String>> linesByPath = new HashMap<>();

    private SourceLines(List<Path> roots) {
        this.roots = roots;
    }

    /** @throws IllegalArgumentException naming the first root that does not exist */
    public static SourceLines parse(String pathList) {
        return new SourceLines(PathList.existing("--sources", pathList));
    }

    /** The sites with the text of their lines, where the sources hold the file. */
    public List<CodeSite> withText(List<CodeSite> sites) {
        List<CodeSite> out = new ArrayList<>(sites.size());
        for (CodeSite site : sites) {
            String text = site.file() == null || site.line() < 1 ? null : line(sourcePathOf(site), site.line());
            out.add(text == null ? site : site.withSourceText(text));
        }
        return out;
    }

    /** The lines of a file given by its path relative to a root ({@code cart.js}, {@code com/shop/Cart.java}). */
    public List<String> linesOf(String relativePath) {
        return linesByPath.computeIfAbsent(relativePath, this::read);
    }

    /**
     * The text of the first file with this name under a source root (a V8 heap names a module by its file),
     * outside {@code node_modules}; null when there is none.
     */
    public String textOfFileNamed(String fileName) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                Path found = walk.filter(p -> p.getFileName().toString().equals(fileName))
                        .filter(p -> !p.toString().contains("node_modules")).filter(Files::isRegularFile)
                        .sorted().findFirst().orElse(null);
                if (found != null) {
                    return Files.readString(found, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sources under " + root, e);
            }
        }
        return null;
    }

    private String line(String relativePath, int line) {
        List<String> lines = linesOf(relativePath);
        return line <= lines.size() ? lines.get(line - 1).strip() : null;
    }

    private static String sourcePathOf(CodeSite site) {
        int dot = site.className().lastIndexOf('.');
        String directory = dot < 0 ? "" : site.className().substring(0, dot).replace('.', '/') + "/";
        return directory + site.file();
    }

    private List<String> read(String relativePath) {
        try {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    for (String layout : LAYOUTS) {
                        Path file = root.resolve(layout + relativePath);
                        if (Files.isRegularFile(file)) {
                            return Files.readAllLines(file, StandardCharsets.UTF_8);
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(root.toFile())) {
                        ZipEntry entry = jar.getEntry(relativePath);
                        if (entry != null) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source " + relativePath, e);
        }
        return List.of();
    }
}
