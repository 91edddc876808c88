package dev.heapdelta.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a sized JVM should back its heap with Linux's transparent huge pages
 * ({@code -XX:+UseTransparentHugePages}). The analysis walks columns of tens of millions of entries in
 * random order (the dominators' search, the shortest paths, the tree's walks): with 4 KB pages nearly
 * every such read also misses the TLB, with 2 MB pages almost none does. On the 1.9 GB benchmark dump
 * that cut {@code bench}'s CPU time by a quarter to a third. The flag exists only on Linux, and when the
 * kernel offers no huge pages the JVM warns about it, so it is asked for only where the kernel offers
 * them to programs that ask ({@code madvise}) or to all ({@code always}).
 *
 * <p>Not for the app: its heap lives as long as the window, and huge pages keep its resident memory at the
 * heap it committed. Opened on the 1.9 GB dump, the app took 8% less CPU to its overview with them but 3.5 GB
 * of RSS against 2.9 GB.
 */
final class TransparentHugePages {
    static final String FLAG = "-XX:+UseTransparentHugePages";
    private static final Path SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private TransparentHugePages() {
    }

    /**
     * The JVM flag for this machine, or none: not Linux, huge pages never offered, or the user chose the
     * JVM's page size already ({@code jvmArguments} name large or huge pages).
     */
    static List<String> flagsFor(List<String> jvmArguments) {
        if (!System.getProperty("os.name", "").startsWith("Linux")
                || jvmArguments.stream().anyMatch(argument -> argument.contains("LargePages")
                        || argument.contains("TransparentHugePages"))) {
            return List.of();
        }
        try {
            return offered(Files.readString(SETTING)) ? List.of(FLAG) : List.of();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** Whether the kernel's setting ({@code always [madvise] never}: the choice in brackets) offers them. */
    static boolean offered(String setting) {
        return setting.contains("[always]") || setting.contains("[madvise]");
    }
}
