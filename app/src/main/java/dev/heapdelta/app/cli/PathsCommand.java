package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.report.PathsReport;
import dev.heapdelta.analyzer.report.PathsReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapdelta paths FILE (--object ID | --class NAME)}: how an object, or a class's instances, stay alive. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "Shortest strong paths from GC roots to an object, or merged paths to a class's instances.",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta paths app.hprof --class com.example.Session",
            "  heapdelta paths app.hprof --object 0x7f3a1c2d8",
            "  heapdelta paths service.heapsnapshot --class UserProfile --json -"})
final class PathsCommand implements Callable<Integer> {
    private static final int SUGGESTIONS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON to OUT, or - for stdout.")
    String json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "At most N distinct paths (default 20).")
    int top = 20;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    /** Exactly one of the two. */
    static final class Target {
        @Option(names = "--object", paramLabel = "ID", required = true, description = "0x1a2b… (HPROF) or @12345 (V8).")
        String object;

        @Option(names = "--class", paramLabel = "NAME", required = true, description = "A class name, as summary lists it.")
        String className;
    }

    @Override
    public Integer call() throws Exception {
        long id = 0;
        if (target.object != null) {
            try {
                id = ObjectIds.parse(target.object);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        try (Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file, snapshotOptions.toAnalysisOptions(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            // The index-cache entry is written while the report is computed and printed.
            snapshot.startIndexCacheSave();
            OutOfCoreNote.printFor(snapshot, spec.commandLine().getErr());
            PathsReport report = target.object != null ? PathsReports.forObject(snapshot, id)
                    : PathsReports.forClass(snapshot, target.className, top);
            if (report == null) {
                throw new UsageException(target.object != null ? "no object " + target.object + " in " + file
                        : noClassMessage(snapshot, target.className));
            }
            if (json != null) {
                JsonOutput.write(json, spec.commandLine().getOut(), generator -> {
                    generator.writeStartObject();
                    generator.writeStringField("target", report.target());
                    generator.writeArrayFieldStart("paths");
                    for (PathsReport.MergedPath path : report.paths()) {
                        generator.writeStartObject();
                        generator.writeStringField("pathKey", path.pathKey());
                        generator.writeNumberField("count", path.count());
                        SummaryJson.writePath(generator, "steps", path.steps());
                        generator.writeEndObject();
                    }
                    generator.writeEndArray();
                    generator.writeEndObject();
                });
            } else {
                print(report, spec.commandLine().getOut());
            }
            IndexCacheNote.saveAndPrintFor(snapshot, spec.commandLine().getErr());
            return snapshot.graph().info().partial() ? ExitCode.PARTIAL_ANALYSIS : ExitCode.OK;
        }
    }

    private String noClassMessage(Snapshot snapshot, String typed) {
        List<String> meant = PathsReports.classNamesEndingWith(snapshot, typed, SUGGESTIONS);
        if (meant.isEmpty()) {
            return "no class " + typed + " in " + file + "; summary lists the class names";
        }
        return "no class " + typed + " in " + file + "; did you mean " + String.join(", ", meant)
                + "? (--class takes the fully qualified name)";
    }

    private static void print(PathsReport report, PrintWriter out) {
        if (report.paths().isEmpty()) {
            out.println(report.target() + " is not reachable from a GC root over strong references.");
        }
        for (PathsReport.MergedPath path : report.paths()) {
            out.printf(Locale.ROOT, "%s  (%,d object%s)%n", path.pathKey(), path.count(), path.count() == 1 ? "" : "s");
            int depth = 0;
            for (PathStepRow step : path.steps()) {
                out.printf(Locale.ROOT, "  %s%s %s%s%n", "  ".repeat(depth++), step.holder(), step.id(),
                        step.indexedEdge().isEmpty() ? "" : "  ." + step.indexedEdge());
            }
        }
        out.flush();
    }
}
