package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.report.PathsReport;
import dev.heapdelta.analyzer.report.PathsReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.query.PathExclusions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "  heapdelta paths app.hprof --object 0x7f3a1c2d8 --exclude none",
            "  heapdelta paths app.hprof --class com.example.Session --exclude weak \\",
            "      --exclude 'java.lang.Thread:<locals>' --exclude 'root:JNI Global' --json -"})
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

    @Option(names = "--exclude", paramLabel = "WHAT", description = {
        "Leave out of the paths, as MAT's Path to GC Roots does (repeatable):",
        "  weak, soft, phantom, finalizer: the referents of those references (by default all four are left out;",
        "    naming any chooses exactly those), none: follow every reference;",
        "  CLASS:FIELD[,FIELD...]: those fields of CLASS and its subclasses (or a class's statics), CLASS alone for",
        "    all its fields; CLASS may be a regular expression; <locals> is a thread's stack frames;",
        "  root:KIND: GC roots of that kind start no path (JNI Global, System Class, Java Local, Thread...)."})
    List<String> exclude = new ArrayList<>();

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
        PathExclusions exclusions;
        try {
            exclusions = PathExclusions.parse(exclude);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--exclude: " + e.getMessage());
        }
        try (Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file, snapshotOptions.toAnalysisOptions(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            // The index-cache entry is written while the report is computed and printed.
            snapshot.startIndexCacheSave();
            OutOfCoreNote.printFor(snapshot, spec.commandLine().getErr());
            if (!exclusions.roots().isEmpty() && snapshot.graph().format() == HeapFormat.V8) {
                throw new UsageException("--exclude root:KIND applies to HPROF dumps; a V8 snapshot has one root");
            }
            PathsReport report = target.object != null ? PathsReports.forObject(snapshot, id, exclusions)
                    : PathsReports.forClass(snapshot, target.className, top, exclusions);
            if (report == null) {
                throw new UsageException(target.object != null ? "no object " + target.object + " in " + file
                        : noClassMessage(snapshot, target.className));
            }
            if (json != null) {
                JsonOutput.write(json, spec.commandLine().getOut(), generator -> {
                    generator.writeStartObject();
                    generator.writeStringField("target", report.target());
                    writeExcluded(generator, exclusions);
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
                print(report, exclusions, spec.commandLine().getOut());
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

    /** {@code "excluded":{"references":[…],"fields":[…],"roots":[…]}}: what the paths were computed without. */
    private static void writeExcluded(JsonGenerator generator, PathExclusions exclusions) throws IOException {
        generator.writeObjectFieldStart("excluded");
        writeStrings(generator, "references", exclusions.referenceNames());
        writeStrings(generator, "fields", exclusions.fieldNames());
        writeStrings(generator, "roots", exclusions.rootNames());
        generator.writeEndObject();
    }

    private static void writeStrings(JsonGenerator generator, String name, List<String> values) throws IOException {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    private static void print(PathsReport report, PathExclusions exclusions, PrintWriter out) {
        if (!exclusions.isDefault()) {
            out.println("Excluded: " + describe(exclusions));
        }
        if (report.paths().isEmpty()) {
            out.println(report.target() + (exclusions.isDefault()
                    ? " is not reachable from a GC root over strong references."
                    : " is not reachable from a GC root without the excluded references."));
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

    /** {@code weak, soft referents; fields java.lang.Thread:<locals>; roots JNI Global}. */
    static String describe(PathExclusions exclusions) {
        List<String> parts = new ArrayList<>();
        parts.add(exclusions.references().isEmpty() ? "no referents"
                : String.join(", ", exclusions.referenceNames()) + " referents");
        if (!exclusions.fields().isEmpty()) {
            parts.add("fields " + String.join(", ", exclusions.fieldNames()));
        }
        if (!exclusions.roots().isEmpty()) {
            parts.add("roots " + String.join(", ", exclusions.rootNames()));
        }
        return String.join("; ", parts);
    }
}
