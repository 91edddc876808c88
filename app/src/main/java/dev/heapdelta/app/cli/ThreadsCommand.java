package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.threads.FrameRow;
import dev.heapdelta.analyzer.threads.PinnedObject;
import dev.heapdelta.analyzer.threads.ThreadOverview;
import dev.heapdelta.analyzer.threads.ThreadRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapdelta threads FILE}: each thread's stack and the objects its frames pin (V8: the pinned roots). */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Threads with their state, retained size and stack, each frame with the local objects it "
                + "pins (MAT's Thread Overview); for a V8 snapshot, the pinned roots: handles and global objects.",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta threads app.hprof.gz",
            "  heapdelta threads app.hprof --json threads.json",
            "  heapdelta threads service.heapsnapshot"})
final class ThreadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON to OUT, or - for stdout.")
    String json;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    @Override
    public Integer call() throws Exception {
        try (Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file, snapshotOptions.toAnalysisOptions(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            // The index-cache entry is written while the report is computed and printed.
            snapshot.startIndexCacheSave();
            OutOfCoreNote.printFor(snapshot, spec.commandLine().getErr());
            List<ThreadRow> threads = ThreadOverview.of(snapshot);
            if (json != null) {
                JsonOutput.write(json, spec.commandLine().getOut(), generator -> writeJson(generator, threads));
            } else {
                print(threads, spec.commandLine().getOut());
            }
            IndexCacheNote.saveAndPrintFor(snapshot, spec.commandLine().getErr());
            return snapshot.graph().info().partial() ? ExitCode.PARTIAL_ANALYSIS : ExitCode.OK;
        }
    }

    private static void writeJson(JsonGenerator json, List<ThreadRow> threads) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("threads");
        for (ThreadRow thread : threads) {
            json.writeStartObject();
            json.writeStringField("name", thread.name());
            json.writeStringField("id", thread.id());
            json.writeStringField("className", thread.className());
            if (thread.state() != null) {
                json.writeStringField("state", thread.state());
            }
            json.writeNumberField("shallowBytes", thread.shallowBytes());
            json.writeNumberField("retainedBytes", thread.retainedBytes());
            json.writeArrayFieldStart("frames");
            for (FrameRow frame : thread.frames()) {
                StackFrame f = frame.frame();
                json.writeStartObject();
                json.writeStringField("className", f.className());
                json.writeStringField("method", f.method());
                json.writeStringField("signature", f.signature());
                json.writeStringField("file", f.file());
                json.writeNumberField("line", f.line());
                json.writeStringField("lineKind", f.lineKind().jsonName());
                writeObjects(json, "locals", frame.locals());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeObjects(json, "pinned", thread.pinned());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeObjects(JsonGenerator json, String field, List<PinnedObject> objects) throws IOException {
        json.writeArrayFieldStart(field);
        for (PinnedObject object : objects) {
            json.writeStartObject();
            json.writeStringField("id", object.id());
            json.writeStringField("className", object.className());
            json.writeNumberField("shallowBytes", object.shallowBytes());
            json.writeNumberField("retainedBytes", object.retainedBytes());
            json.writeStringField("rootKind", object.kind().displayName());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void print(List<ThreadRow> threads, PrintWriter out) {
        if (threads.isEmpty()) {
            out.println("The dump records no threads.");
        }
        for (ThreadRow thread : threads) {
            out.printf(Locale.ROOT, "\"%s\" %s%s  retained %s%n", thread.name(), thread.id(),
                    thread.state() == null ? "" : "  " + thread.state(), ByteSizes.human(thread.retainedBytes()));
            for (FrameRow frame : thread.frames()) {
                out.println("    at " + frame.frame().display());
                printObjects(out, "        ", frame.locals());
            }
            printObjects(out, "    ", thread.pinned());
        }
        out.flush();
    }

    private static void printObjects(PrintWriter out, String indent, List<PinnedObject> objects) {
        for (PinnedObject object : objects) {
            out.printf(Locale.ROOT, "%s%s %s %s  retained %s%n", indent, object.kind().displayName().toLowerCase(
                    Locale.ROOT), object.className(), object.id(), ByteSizes.human(object.retainedBytes()));
        }
    }
}
