package dev.heapdelta.app.mcp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories whose dumps the MCP server may read ({@code --root DIR}, repeatable; the working directory
 * when none is given). A path is judged by where it really is, links resolved, so that neither {@code ..} nor
 * a symbolic link leads an agent out of them.
 */
public final class AllowedRoots {
    private final List<Path> roots;

    private AllowedRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    public static AllowedRoots of(List<Path> directories) throws IOException {
        List<Path> real = new ArrayList<>();
        for (Path directory : directories.isEmpty() ? List.of(Path.of("")) : directories) {
            real.add(directory.toAbsolutePath().toRealPath());
        }
        return new AllowedRoots(real);
    }

    /** @throws RefusedFileException when the file does not exist or lies outside every root */
    public Path check(String file) {
        Path real;
        try {
            real = Path.of(file).toAbsolutePath().toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new RefusedFileException(file + ": no such file");
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        throw new RefusedFileException(file + " is outside the directories this server may read (" + describe()
                + "); start it with --root DIR to allow another");
    }

    public String describe() {
        return String.join(", ", roots.stream().map(Path::toString).toList());
    }
}
