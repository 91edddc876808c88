package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.report.SavedSummaries;
import dev.heapdelta.analyzer.report.SummaryReport;
import dev.heapdelta.analyzer.report.SummaryReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapdelta summary FILE}: totals, top classes, top dominators and the biggest objects of one dump. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Analyses one heap dump: totals, classes by retained size, dominators.",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta summary app.hprof.gz",
            "  heapdelta summary service.heapsnapshot --top 10 --json summary.json",
            "  heapdelta summary two-dumps.hprof --dump 2 --storage mapped"})
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "An HPROF (.hprof, .hprof.gz) or V8 .heapsnapshot file.")
    String file;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON summary to OUT, or - for stdout.")
    String json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "50", description = "How many rows per list (default 50).")
    int top = 50;

    @Option(names = "--suspects", description = "Also list the dump's largest retainers, collections and duplicate"
            + " classes, as diff does for one dump.")
    boolean suspects;

    @Option(names = "--include-strings", description = "Show string contents in samples (redacted by default).")
    boolean includeStrings;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    @Mixin
    CodeSiteOptions codeSiteOptions = new CodeSiteOptions();

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new UsageException("--top must not be negative");
        }
        CodeSiteOptions.Parsed codeSites = codeSiteOptions.parse();
        if (codeSites.requested() && !suspects) {
            throw new UsageException("--classpath and --sources give code sites of suspects: add --suspects");
        }
        AnalysisOptions options = snapshotOptions.toAnalysisOptions();
        if (!suspects) {
            SavedSummaries.Saved saved = SavedSummaries.reopen(Path.of(file), file, options, top);
            if (saved != null) {
                print(saved.report(), null);
                IndexCacheNote.printReused(file, saved.entry(), spec.commandLine().getErr());
                if (saved.report().format().equals("hprof")) {
                    CopyNote.printKeptInflated(file, options.readOptions(file).cacheDirectoryOrDefault(),
                            spec.commandLine().getErr());
                }
                return exitCode(saved.report());
            }
        }
        try (Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file, options, CancelSignal.NEVER,
                ProgressListener.NONE)) {
            // The index-cache entry is written while the report is computed and printed.
            snapshot.startIndexCacheSave();
            OutOfCoreNote.printFor(snapshot, spec.commandLine().getErr());
            if (!suspects) {
                // The histogram was the last walk down the dominator tree: its child lists (8 bytes per
                // object) would otherwise be live beside the shortest paths, the command's peak.
                snapshot.dominatorTree().releaseChildLists();
            }
            SummaryReport report = SummaryReports.of(snapshot, top);
            DiffReport single = suspects
                    ? codeSites.apply(DiffReports.of(List.of(snapshot), includeStrings), List.of(snapshot)) : null;
            print(report, single);
            IndexCacheNote.saveAndPrintFor(snapshot, spec.commandLine().getErr());
            // The next summary of this dump reads only the report.
            SavedSummaries.keep(snapshot, report, top);
            return exitCode(report);
        }
    }

    private void print(SummaryReport report, DiffReport single) throws java.io.IOException {
        if (json != null) {
            JsonOutput.write(json, spec.commandLine().getOut(), generator -> SummaryJson.write(report,
                    single == null ? null : single.suspects(), generator));
        } else {
            SummaryTable.print(report, spec.commandLine().getOut());
            if (single != null) {
                spec.commandLine().getOut().println();
                DiffTable.printSuspects(single, top, spec.commandLine().getOut());
            }
        }
    }

    private int exitCode(SummaryReport report) {
        if (report.partial()) {
            spec.commandLine().getErr().println("heapdelta: " + file + " is truncated or damaged; "
                    + "this is a partial analysis (" + String.format(Locale.ROOT, "%,d", report.lostBytes()) + " bytes lost)");
            return ExitCode.PARTIAL_ANALYSIS;
        }
        return ExitCode.OK;
    }
}
