package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.pdf.LeakReportPdf;
import dev.heapdelta.app.pdf.ReportOptions;
import dev.heapdelta.app.pdf.ReportProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapdelta diff BASE TARGET [MORE…]}: what grew, and which collection holds it. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two or more dumps of one process and names the leak.",
            "Given one dump, lists its largest retainers, collections and duplicate classes instead."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BASE TARGET [MORE…], oldest first; or one dump.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON report to OUT, or - for stdout.")
    String json;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Write the leak report PDF to OUT.")
    String pdf;

    @Option(names = "--top", paramLabel = "N", description = "Limit the suspects and classes listed.")
    Integer top;

    @Option(names = "--fail-on-growth", paramLabel = "SIZE",
            description = "Exit with code 3 when any suspect's retained growth exceeds SIZE (e.g. 10MB).")
    String failOnGrowth;

    @Option(names = "--include-strings", description = "Show string contents in samples (redacted by default).")
    boolean includeStrings;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    @Mixin
    CodeSiteOptions codeSiteOptions = new CodeSiteOptions();

    @Override
    public Integer call() throws Exception {
        long threshold = -1;
        if (failOnGrowth != null) {
            try {
                threshold = ByteSizes.parse(failOnGrowth);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fail-on-growth: " + e.getMessage());
            }
        }
        if (top != null && top < 0) {
            throw new UsageException("--top must not be negative");
        }
        Path pdfPath = pdf == null ? null : pdfOutput(pdf);
        CodeSiteOptions.Parsed codeSites = codeSiteOptions.parse();
        List<Snapshot> snapshots = SnapshotSeriesLoader.load(files, snapshotOptions.toAnalysisOptions());
        OutOfCoreNote.printFor(snapshots, spec.commandLine().getErr());
        try {
            DiffReport report = codeSites.apply(DiffReports.of(snapshots, includeStrings), snapshots);
            if (json != null) {
                int classes = top == null ? -1 : top;
                JsonOutput.write(json, spec.commandLine().getOut(), generator -> DiffJson.write(
                        limitSuspects(report), classes, generator));
            } else {
                DiffTable.print(report, top == null ? 20 : top, spec.commandLine().getOut());
            }
            if (pdfPath != null) {
                writePdf(limitSuspects(report), pdfPath);
            }
            IndexCacheNote.saveAndPrintFor(snapshots, spec.commandLine().getErr());
            return exitCode(report, threshold);
        } finally {
            SnapshotSeriesLoader.closeAll(snapshots);
        }
    }

    /** Checked before any dump is read, so that a typo in the path does not cost a whole analysis. */
    private static Path pdfOutput(String file) {
        Path path = Path.of(file).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new UsageException("--pdf " + file + ": is a directory; name the PDF file to write");
        }
        Path directory = path.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UsageException("--pdf " + file + ": directory " + directory + " does not exist");
        }
        return path;
    }

    private void writePdf(DiffReport report, Path path) throws IOException {
        ReportOptions options = ReportOptions.defaults(VersionProvider.version());
        if (top != null) {
            options = options.withClassRows(top);
        }
        int pages = LeakReportPdf.write(report, path, options, ReportProgress.NONE, CancelSignal.NEVER);
        if (!"-".equals(json)) {
            spec.commandLine().getOut().printf("Leak report: %s (%d pages)%n", pdf, pages);
            spec.commandLine().getOut().flush();
        }
    }

    private DiffReport limitSuspects(DiffReport report) {
        if (top == null || report.suspects().size() <= top) {
            return report;
        }
        return new DiffReport(report.snapshots(), report.classes(), report.suspects().subList(0, top),
                report.largeRetainers(), report.trendBasis(), report.retention(), report.includeStrings());
    }

    private int exitCode(DiffReport report, long threshold) {
        if (threshold >= 0) {
            for (Suspect suspect : report.suspects()) {
                if (suspect.retainedGrowth() > threshold) {
                    spec.commandLine().getErr().println("heapdelta: " + suspect.title() + " exceeds --fail-on-growth "
                            + ByteSizes.human(threshold));
                    return ExitCode.GROWTH_THRESHOLD_EXCEEDED;
                }
            }
        }
        if (report.anyPartial()) {
            spec.commandLine().getErr().println("heapdelta: a dump is truncated or damaged; this is a partial analysis");
            return ExitCode.PARTIAL_ANALYSIS;
        }
        return ExitCode.OK;
    }
}
