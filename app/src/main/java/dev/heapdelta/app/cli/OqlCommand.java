package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.oql.OqlCondition;
import dev.heapdelta.analyzer.oql.OqlEngine;
import dev.heapdelta.analyzer.oql.OqlParser;
import dev.heapdelta.analyzer.oql.OqlResult;
import dev.heapdelta.analyzer.oql.Query;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapdelta oql FILE… QUERY}: one OQL query (MAT's dialect) over one or several dumps. */
@Command(name = "oql", mixinStandardHelpOptions = true,
        description = "Runs an OQL query, Eclipse MAT's dialect, on each dump: objects, a table or a value.",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta oql app.hprof \"SELECT * FROM java.lang.String s WHERE s.value.@length > 1000\"",
            "  heapdelta oql t0.hprof t1.hprof \"SELECT COUNT(*) FROM com.example.Session\" --json -",
            "  heapdelta oql app.hprof \"SELECT * FROM java.util.HashMap\" --limit 10"})
final class OqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE… QUERY",
            description = "One or more HPROF or V8 dumps, then the query (quote it).")
    List<String> arguments;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON to OUT, or - for stdout.")
    String json;

    @Option(names = "--fail-if", paramLabel = "CONDITION",
            description = "Exit with code 3 when the condition holds for any dump, e.g. \"count > 0\".")
    String failIf;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "How many objects or rows the text output shows (default 50; the JSON has all).")
    int limit = 50;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    @Override
    public Integer call() throws Exception {
        String text = arguments.get(arguments.size() - 1);
        List<String> files = ArchiveMember.expand(arguments.subList(0, arguments.size() - 1));
        if (limit < 0) {
            throw new UsageException("--limit must not be negative");
        }
        Query query = OqlParser.parse(text);
        OqlCondition condition = failIf == null ? null : OqlCondition.parse(failIf);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<OqlJson.SnapshotResult> results = new ArrayList<>();
        boolean partial = false;
        boolean conditionHeld = false;
        for (String file : files) {
            try (Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file,
                    snapshotOptions.toAnalysisOptions(), CancelSignal.NEVER, ProgressListener.NONE)) {
                // The index-cache entry is written while the query runs and prints.
                snapshot.startIndexCacheSave();
                OutOfCoreNote.printFor(snapshot, err);
                OqlResult result = new OqlEngine(snapshot, CancelSignal.NEVER).run(query);
                for (String warning : result.warnings()) {
                    err.println("heapdelta: " + file + ": " + warning);
                }
                OqlJson.SnapshotResult row = OqlJson.of(snapshot, result);
                results.add(row);
                if (json == null) {
                    if (files.size() == 1) {
                        OqlTable.print(row, limit, out);
                    } else {
                        out.printf(Locale.ROOT, "%s  %,d %s%n", file, result.count(), OqlTable.noun(result));
                    }
                }
                partial |= snapshot.graph().info().partial();
                conditionHeld |= condition != null && condition.holds(result);
                IndexCacheNote.saveAndPrintFor(snapshot, err);
            }
        }
        if (json != null) {
            JsonOutput.write(json, out, generator -> OqlJson.write(text, results, generator));
        }
        out.flush();
        if (conditionHeld) {
            err.println("heapdelta: --fail-if \"" + failIf + "\" holds");
            return ExitCode.FAIL_IF_HELD;
        }
        return partial ? ExitCode.PARTIAL_ANALYSIS : ExitCode.OK;
    }
}
