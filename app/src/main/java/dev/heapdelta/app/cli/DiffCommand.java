package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.report.SuspectBaseline;
import dev.heapdelta.analyzer.source.ArchiveMember;
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
            "Given one dump, lists its largest retainers, collections and duplicate classes instead."},
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta diff before.hprof.gz after.hprof.gz   (or a zip of the series: heapdelta diff ticket.zip)",
            "  heapdelta diff t0.heapsnapshot t1.heapsnapshot t2.heapsnapshot --pdf leak-report.pdf",
            "  heapdelta diff base.hprof target.hprof --json - --fail-on-growth 50MB   (CI: exit code 3 on growth)"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BASE TARGET [MORE…], oldest first; or one dump."
            + " A zip of several dumps stands for all of them, in the archive's order; ARCHIVE.zip!MEMBER names one.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON report to OUT, or - for stdout.")
    String json;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Write the leak report PDF to OUT.")
    String pdf;

    @Option(names = "--top", paramLabel = "N", description = "Limit the suspects and classes listed.")
    Integer top;

    @Option(names = "--fail-on-growth", paramLabel = "SIZE",
            description = "Exit with code 3 when any suspect's retained growth exceeds SIZE: bytes, or KB/MB/GB"
                    + " (powers of 1000), KiB/MiB/GiB (powers of 1024), e.g. 10MB or 10MiB.")
    String failOnGrowth;

    @Option(names = "--include-strings", description = "Show string contents in samples (redacted by default).")
    boolean includeStrings;

    @Option(names = "--sarif", paramLabel = "OUT",
            description = "Write the suspects as SARIF 2.1.0 (GitHub code scanning, GitLab) to OUT.")
    String sarif;

    @Option(names = "--sarif-anchor", paramLabel = "FILE",
            description = "Repository-relative file that SARIF results without a known source line point at "
                    + "(code scanning shows alerts only at a file), e.g. pom.xml.")
    String sarifAnchor;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the suspects' kinds and path keys (no counts, no strings) to FILE, to review and"
                    + " accept as known.")
    String writeBaseline;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Mark suspects listed in FILE as inBaseline; they do not trip --fail-on-growth.")
    String baseline;

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
        SuspectBaseline known = baseline == null ? SuspectBaseline.NONE : BaselineFile.read(Path.of(baseline));
        List<Snapshot> snapshots = SnapshotSeriesLoader.load(ArchiveMember.expand(files),
                snapshotOptions.toAnalysisOptions());
        OutOfCoreNote.printFor(snapshots, spec.commandLine().getErr());
        try {
            DiffReport report = codeSites.apply(DiffReports.of(snapshots, includeStrings), snapshots)
                    .withBaseline(known);
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
            if (sarif != null) {
                JsonOutput.write(sarif, spec.commandLine().getOut(), generator -> SarifReport.write(
                        limitSuspects(report), SarifLocations.of(sarifAnchor, codeSiteOptions.sources), generator));
            }
            if (writeBaseline != null) {
                BaselineFile.write(Path.of(writeBaseline), report.suspects());
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
                report.largeRetainers(), report.trendBasis(), report.retention(), report.includeStrings(),
                report.baseline(), report.boundedCaches());
    }

    private int exitCode(DiffReport report, long threshold) {
        if (threshold >= 0) {
            for (Suspect suspect : report.suspects()) {
                // A known suspect, accepted in a reviewed baseline, does not fail the build; a new one does.
                if (suspect.retainedGrowth() > threshold && !report.baseline().contains(suspect)) {
                    spec.commandLine().getErr().println("heapdelta: " + suspect.title() + " exceeds --fail-on-growth "
                            + failOnGrowth.strip() + " (" + String.format(java.util.Locale.US, "%,d", threshold)
                            + " bytes)");
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
