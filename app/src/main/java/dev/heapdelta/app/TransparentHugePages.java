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
 * <p>The app's sized JVM takes them too. Its first open of a dump is a summary's read and analysis, whose
 * heap of 4 KB pages is touched fresh, page by page, as G1 grows it: opening the 1.9 GB benchmark dump took
 * 710,000 to 990,000 minor page faults on 4 KB pages and 38,000 to 49,000 on huge pages. With concurrent
 * marking late as well, against the JVM's defaults, in six alternated runs on a loaded machine: the overview
 * at 22.3 s instead of 32.5 s (medians; 0.68 of it, the median of the runs' ratios), 24.7 s of CPU for the
 * whole run instead of 36.5 s; with late marking alone 28.4 s (three runs). The price is resident memory:
 * huge pages keep it at the heap G1 committed. Peak RSS of those runs was 3.82 GB against 3.60 GB (medians),
 * but once the suspects were found and the inspector's incoming references indexed (2.86 GB live in a heap
 * of -Xmx4380m), 4.54 GB against 3.47 GB (one run each).
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
