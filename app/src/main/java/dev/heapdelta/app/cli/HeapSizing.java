package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.IndexCacheResults;
import dev.heapdelta.analyzer.report.SavedSummaries;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * The Java heap a command line needs, estimated from the sizes of the dumps it names before any is read,
 * so that the JVM can be started with that heap instead of letting G1 grow towards a quarter of the
 * machine's memory while the analysis needs less.
 *
 * <p>The factors are the readers' own footprint estimates at the benchmark shape, over its file size: an
 * HPROF dump's analysis with its child lists and paths kept peaked at about 54 bytes per object and 5 per
 * reference when measured, 1.29 times the 1.9 GB benchmark dump's bytes. A V8 snapshot's graph after the parse holds 0.87 of its file's bytes
 * (431 MB for the 470 MB benchmark snapshot of 6.4 M nodes) and its analyses add about 43 bytes per node:
 * its summary runs in memory at -Xmx800m and not at 700m; at 1.15 per file byte (841 MB) the reader's own
 * estimate (56 bytes per node) keeps it in memory, with the same JSON as at 1.5. The readers go out
 * of core when their estimate, taken after their first pass, exceeds the free heap; the room below keeps a
 * dump of the benchmark shape in memory, and one of another shape goes out of core instead of failing.
 * A command on several dumps (a diff) holds the analysed ones while it reads the next, not their readers.
 */
public final class HeapSizing {
    private static final double HPROF_HEAP_PER_FILE_BYTE = 1.3;
    /**
     * A plain {@code summary} of one HPROF dump, measured apart. It drops the dominator tree's child lists after
     * its histogram and its paths' queue holds only the search's frontier, so its live peak is the dominators'
     * second step: 1,991 MiB for the 1.94 GB benchmark dump (the report's 1,709 MiB after a collection). G1
     * commits about all of the heap it is given (the humongous columns expand the heap before any collection),
     * so this factor is what sets the command's RSS. It needs room, as G1 does not compact humongous columns:
     * at 0.93 (-Xmx2258m) a column found no room at 1,862 MiB used and the reader went out of core; at 1.0 it
     * gets -Xmx2413m, the peak at 0.83 of it. Other commands (the app, a diff, queries, {@code --suspects})
     * keep 1.3, unmeasured.
     */
    private static final double HPROF_SUMMARY_HEAP_PER_FILE_BYTE = 1.0;
    private static final double V8_HEAP_PER_FILE_BYTE = 1.15;
    /**
     * What an analysed HPROF dump keeps on the heap once its reader's temporaries are garbage (graph,
     * dominator tree, histogram) and then its shortest paths, which a diff's detectors search in full: a diff
     * reads its dumps one after another, so only the dump being read peaks. Measured in a diff of the two
     * 1.9 GB benchmark dumps (-Xlog:gc): 1,838 MB live after the first dump's analysis, 0.95 of its 1,941 MB
     * file, and 4.36 GB for both at the end, 1.12 per file byte. At 0.95 (-Xmx5193m) the second dump went out
     * of core in one run of two, the reader counting the first's garbage as used. V8 snapshots are not
     * measured so: each counts its peak.
     */
    private static final double HPROF_KEPT_PER_FILE_BYTE = 1.1;
    /**
     * The app also indexes incoming references for its inspector (4 bytes per object and 8 per reference,
     * a third of a summary's peak at the benchmark shape) and holds JavaFX's scene: the app's heap of an HPROF
     * dump is what it was with the summary's factor at 1.5 and this one at 1.25 (of a V8 snapshot, 1.67 per
     * file byte instead of 1.875: 1.13 GB for the 470 MB benchmark snapshot, which it keeps in memory).
     */
    private static final double APP_FACTOR = 1.45;
    /** Room for the collector above the live data, and the readers' 5% margin (StorageChoice). */
    private static final double COLLECTOR_ROOM = 1.2;
    /** The JVM, picocli, the reports, JavaFX: what a command takes before any dump. */
    private static final long BASE_BYTES = 192L << 20;

    private HeapSizing() {
    }

    /**
     * The heap {@code args} need, or empty when that cannot be told beforehand: no dump named (help, capture,
     * bench, the app opened empty, a file chosen later), a compressed dump (its inflated size is not in its
     * head), a member of an archive, a command line that does not parse (the run itself says why), a
     * summary that its index cache answers without reading the dump, or the app on dumps that all have an
     * index-cache entry, which it maps where it lies rather than reads onto the heap.
     */
    public static OptionalLong neededBytes(String[] args) {
        return neededBytes(dumpCommand(args));
    }

    /**
     * What a first JVM needs to size a second one for {@code args}: the heap ({@link #neededBytes}) and
     * whether the dumps are all plain V8 snapshots ({@link #namesOnlyV8Snapshots}), from one parse of the
     * command line (building picocli's model of every subcommand is most of the first JVM's work).
     */
    public record Estimate(OptionalLong neededBytes, boolean onlyV8Snapshots) {
    }

    public static Estimate estimate(String[] args) {
        ParseResult command = dumpCommand(args);
        return new Estimate(neededBytes(command), namesOnlyV8Snapshots(command));
    }

    private static OptionalLong neededBytes(ParseResult command) {
        if (command == null) {
            return OptionalLong.empty();
        }
        Object userObject = command.commandSpec().userObject();
        boolean measuredSummary = userObject instanceof SummaryCommand summary && !summary.suspects;
        try {
            if (userObject instanceof SummaryCommand summary && answeredByIndexCache(summary)
                    || userObject instanceof GuiCommand app && reopenedFromIndexCache(app)) {
                return OptionalLong.empty();
            }
            // The snapshots read before the last one are held in full, the dump being read also peaks: what
            // each keeps, plus the largest excess of a read over what it keeps.
            double kept = 0;
            double largestReadExcess = 0;
            for (ArgSpec positional : command.matchedPositionals()) {
                for (String value : positional.stringValues()) {
                    DumpHeap bytes = dumpHeapBytes(value, measuredSummary);
                    if (bytes == null) {
                        return OptionalLong.empty();
                    }
                    kept += bytes.kept();
                    largestReadExcess = Math.max(largestReadExcess, bytes.peak() - bytes.kept());
                }
            }
            double live = kept + largestReadExcess;
            if (live == 0) {
                return OptionalLong.empty();
            }
            if (userObject instanceof GuiCommand) {
                live *= APP_FACTOR;
            }
            return OptionalLong.of(BASE_BYTES + (long) (live * COLLECTOR_ROOM));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether {@code args} name dumps and all of them are plain V8 snapshots (by their first bytes, as
     * {@link #neededBytes} tells them; a positional that is no dump, such as a query, does not count).
     */
    public static boolean namesOnlyV8Snapshots(String[] args) {
        return namesOnlyV8Snapshots(dumpCommand(args));
    }

    private static boolean namesOnlyV8Snapshots(ParseResult command) {
        if (command == null) {
            return false;
        }
        int snapshots = 0;
        try {
            for (ArgSpec positional : command.matchedPositionals()) {
                for (String value : positional.stringValues()) {
                    Path file = Path.of(value);
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    FormatDetector.Detected detected = FormatDetector.detect(file);
                    if (detected.kind() == DumpKind.V8_SNAPSHOT && !detected.compressed()) {
                        snapshots++;
                    } else if (detected.kind() != DumpKind.UNKNOWN) {
                        return false;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return snapshots > 0;
    }

    /** The subcommand of {@code args} when it is one that analyses the dumps it names; null otherwise. */
    private static ParseResult dumpCommand(String[] args) {
        ParseResult parsed;
        try {
            parsed = HeapDeltaCommand.commandLine().parseArgs(args);
        } catch (RuntimeException e) {
            return null;
        }
        if (!parsed.hasSubcommand() || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return null;
        }
        ParseResult command = parsed.subcommand();
        if (command.isUsageHelpRequested() || command.isVersionHelpRequested()
                || !analysesNamedDumps(command.commandSpec().userObject())) {
            return null;
        }
        return command;
    }

    /** The commands whose positionals are the dumps they read (beside a query or a kind word, which are no files). */
    private static boolean analysesNamedDumps(Object command) {
        return command instanceof SummaryCommand || command instanceof DiffCommand || command instanceof PathsCommand
                || command instanceof OqlCommand || command instanceof ThreadsCommand || command instanceof InspectCommand
                || command instanceof GuiCommand;
    }

    /** The heap one dump takes: at the peak of its read and analysis, and once analysed. */
    private record DumpHeap(double peak, double kept) {
        static final DumpHeap NONE = new DumpHeap(0, 0);
    }

    /**
     * What analysing {@code argument} takes on the heap; none for an argument that is no dump; null when unknown.
     * A plain summary reads one dump and keeps nothing beyond its peak.
     */
    private static DumpHeap dumpHeapBytes(String argument, boolean measuredSummary) throws IOException {
        if (ArchiveMember.parse(argument) != null) {
            // A member (series.zip!t1.hprof) is copied out first: its size is not known here.
            return null;
        }
        Path file = Path.of(argument);
        if (!Files.isRegularFile(file)) {
            return DumpHeap.NONE;
        }
        FormatDetector.Detected detected = FormatDetector.detect(file);
        if (detected.compressed()) {
            // Inflated sizes are not in a gzip head, and a zip may hold a whole series.
            return null;
        }
        if (detected.kind() == DumpKind.UNKNOWN) {
            return DumpHeap.NONE;
        }
        long size = Files.size(file);
        if (detected.kind() == DumpKind.HPROF && measuredSummary) {
            return new DumpHeap(HPROF_SUMMARY_HEAP_PER_FILE_BYTE * size, HPROF_SUMMARY_HEAP_PER_FILE_BYTE * size);
        }
        if (detected.kind() == DumpKind.HPROF) {
            return new DumpHeap(HPROF_HEAP_PER_FILE_BYTE * size, HPROF_KEPT_PER_FILE_BYTE * size);
        }
        return new DumpHeap(V8_HEAP_PER_FILE_BYTE * size, V8_HEAP_PER_FILE_BYTE * size);
    }

    private static boolean answeredByIndexCache(SummaryCommand summary) throws IOException {
        if (summary.suspects) {
            return false;
        }
        AnalysisOptions options = summary.snapshotOptions.toAnalysisOptions();
        return SavedSummaries.reopen(Path.of(summary.file), summary.file, options, summary.top) != null;
    }

    /**
     * Whether the app finds an index-cache entry for each dump it names, opened as it opens them (its default
     * options and cache directory): it then maps the entries where they lie, and a sized JVM's start (the
     * second JVM and this one's parse, 1.2 s of the 4 to 9 s that a reopening of the 1.9 GB benchmark dump took to
     * its overview on a loaded machine) would only delay it. The default heap, at least the sized one, still
     * holds a dump whose entry turns out damaged and is read afresh.
     */
    private static boolean reopenedFromIndexCache(GuiCommand app) throws IOException {
        if (app.files.isEmpty()) {
            return false;
        }
        for (Path file : app.files) {
            if (IndexCacheResults.find(file, file.toString(), AnalysisOptions.defaults()) == null) {
                return false;
            }
        }
        return true;
    }
}
