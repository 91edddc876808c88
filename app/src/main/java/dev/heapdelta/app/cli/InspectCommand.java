package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.inspections.SeriesRow;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.app.inspections.InspectionTable;
import dev.heapdelta.app.inspections.InspectionTables;
import java.io.IOException;
import java.io.PrintWriter;
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

/**
 * {@code heapdelta inspect FILE… KIND}: one of MAT's waste inspections over one dump, or over several
 * with each row's growth.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Waste inspections: strings (duplicates), collections (empty ones and fill ratios), arrays "
                + "(duplicate and zero-filled), classloaders (with duplicate classes), packages (the histogram by "
                + "package and loader). Over several dumps, each row's growth.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE… KIND",
            description = "One or more dumps, oldest first, then strings|collections|arrays|classloaders|packages.")
    List<String> arguments;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the JSON to OUT, or - for stdout.")
    String json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "50", description = "At most N rows per table (default 50).")
    int top = 50;

    @Option(names = "--include-strings",
            description = "Show string values; by default they are redacted to their length and a hash.")
    boolean includeStrings;

    @Mixin
    SnapshotOptions snapshotOptions = new SnapshotOptions();

    @Override
    public Integer call() throws Exception {
        InspectionTables.Kind kind;
        try {
            kind = InspectionTables.Kind.parse(arguments.get(arguments.size() - 1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> files = ArchiveMember.expand(arguments.subList(0, arguments.size() - 1));
        if (top < 1) {
            throw new UsageException("--top must be at least 1, got " + top);
        }
        List<Snapshot> snapshots = SnapshotSeriesLoader.load(files, snapshotOptions.toAnalysisOptions());
        try {
            OutOfCoreNote.printFor(snapshots, spec.commandLine().getErr());
            String unavailable = kind.unavailableOn(snapshots);
            if (unavailable != null) {
                throw new UsageException("inspect " + kind.cliName() + ": " + unavailable);
            }
            List<InspectionTable<?>> tables = InspectionTables.of(kind, snapshots, includeStrings);
            if (json != null) {
                JsonOutput.write(json, spec.commandLine().getOut(), generator -> writeJson(generator, files, tables));
            } else {
                for (InspectionTable<?> table : tables) {
                    print(table, spec.commandLine().getOut());
                }
                spec.commandLine().getOut().flush();
            }
            IndexCacheNote.saveAndPrintFor(snapshots, spec.commandLine().getErr());
            return snapshots.stream().anyMatch(s -> s.graph().info().partial()) ? ExitCode.PARTIAL_ANALYSIS
                    : ExitCode.OK;
        } finally {
            SnapshotSeriesLoader.closeAll(snapshots);
        }
    }

    private void writeJson(JsonGenerator json, List<String> files, List<InspectionTable<?>> tables)
            throws IOException {
        json.writeStartObject();
        if (files.size() > 1) {
            json.writeArrayFieldStart("snapshots");
            for (String file : files) {
                json.writeString(file);
            }
            json.writeEndArray();
        }
        for (InspectionTable<?> table : tables) {
            writeTable(json, table, files.size() > 1);
        }
        json.writeEndObject();
    }

    private <T> void writeTable(JsonGenerator json, InspectionTable<T> table, boolean series) throws IOException {
        json.writeArrayFieldStart(table.name());
        for (SeriesRow<T> row : table.rows(top)) {
            json.writeStartObject();
            for (InspectionTable.Column<T> column : table.columns()) {
                writeValue(json, column.name(), column.value().apply(row.latest()));
            }
            if (series) {
                json.writeObjectFieldStart("series");
                for (String column : List.of(table.countColumn(), table.bytesColumn())) {
                    json.writeArrayFieldStart(column);
                    for (T inSnapshot : row.bySnapshot()) {
                        if (inSnapshot == null) {
                            json.writeNull();
                        } else {
                            json.writeNumber((Long) table.value(inSnapshot, column));
                        }
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, String name, Object value) throws IOException {
        if (value instanceof Long number) {
            json.writeNumberField(name, number);
        } else if (value instanceof Double number) {
            json.writeNumberField(name, Math.round(number * 1e6) / 1e6);
        } else {
            json.writeStringField(name, String.valueOf(value));
        }
    }

    private <T> void print(InspectionTable<T> table, PrintWriter out) {
        List<SeriesRow<T>> rows = table.rows(top);
        out.printf(Locale.ROOT, "%s (%d row%s)%n", table.name(), rows.size(), rows.size() == 1 ? "" : "s");
        for (SeriesRow<T> row : rows) {
            List<String> counts = new ArrayList<>();
            List<String> bytes = new ArrayList<>();
            for (T inSnapshot : row.bySnapshot()) {
                counts.add(inSnapshot == null ? "–" : String.format(Locale.ROOT, "%,d",
                        (Long) table.value(inSnapshot, table.countColumn())));
                bytes.add(inSnapshot == null ? "–" : ByteSizes.human((Long) table.value(inSnapshot,
                        table.bytesColumn())));
            }
            out.printf(Locale.ROOT, "  %s  %s %s  %s %s%n", table.label().apply(row.latest()),
                    String.join(" → ", counts), table.countColumn(), String.join(" → ", bytes), table.bytesColumn());
        }
    }
}
