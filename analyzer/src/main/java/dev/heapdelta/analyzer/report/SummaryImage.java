package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.PhaseTimings;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.DumpInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SummaryReport} as bytes, for the index cache: every field but the file as the user named it and
 * the timings, which belong to the run that prints it. Lists and maps keep their order.
 */
final class SummaryImage {
    private SummaryImage() {
    }

    static byte[] write(SummaryReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, report.format());
            out.writeInt(report.idSize());
            out.writeInt(report.dumpsInFile());
            out.writeInt(report.dump());
            out.writeBoolean(report.partial());
            out.writeLong(report.lostBytes());
            out.writeLong(report.lostRecords());
            out.writeInt(report.warnings().size());
            for (String warning : report.warnings()) {
                string(out, warning);
            }
            out.writeLong(report.objects());
            out.writeLong(report.unreachableObjects());
            out.writeLong(report.classes());
            out.writeLong(report.gcRoots());
            out.writeLong(report.totalShallowBytes());
            out.writeInt(report.topClasses().size());
            for (ClassRow row : report.topClasses()) {
                string(out, row.name());
                string(out, row.key());
                out.writeLong(row.count());
                out.writeLong(row.shallowBytes());
                out.writeLong(row.retainedBytes());
            }
            objects(out, report.topDominators());
            objects(out, report.biggestObjects());
            counts(out, report.fileCounts());
            counts(out, report.rootsByKind());
            counts(out, report.statistics());
            out.writeInt(report.heaps().size());
            for (DumpInfo.AndroidHeap heap : report.heaps()) {
                string(out, heap.name());
                out.writeInt(heap.id());
                out.writeLong(heap.classes());
                out.writeLong(heap.instances());
                out.writeLong(heap.shallowBytes());
            }
            string(out, report.retention());
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The report {@link #write} wrote, for the dump named {@code file}, with the timings of this run. */
    static SummaryReport read(byte[] image, String file, PhaseTimings timings) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(image));
        String format = string(in);
        int idSize = in.readInt();
        int dumpsInFile = in.readInt();
        int dump = in.readInt();
        boolean partial = in.readBoolean();
        long lostBytes = in.readLong();
        long lostRecords = in.readLong();
        List<String> warnings = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            warnings.add(string(in));
        }
        long objects = in.readLong();
        long unreachable = in.readLong();
        long classes = in.readLong();
        long gcRoots = in.readLong();
        long totalShallow = in.readLong();
        List<ClassRow> topClasses = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            topClasses.add(new ClassRow(string(in), string(in), in.readLong(), in.readLong(), in.readLong()));
        }
        List<ObjectRow> topDominators = objects(in);
        List<ObjectRow> biggest = objects(in);
        Map<String, Long> fileCounts = counts(in);
        Map<String, Long> rootsByKind = counts(in);
        Map<String, Long> statistics = counts(in);
        List<DumpInfo.AndroidHeap> heaps = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            heaps.add(new DumpInfo.AndroidHeap(string(in), in.readInt(), in.readLong(), in.readLong(), in.readLong()));
        }
        String retention = string(in);
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes after the summary");
        }
        return new SummaryReport(format, file, idSize, dumpsInFile, dump, partial, lostBytes, lostRecords,
                warnings, objects, unreachable, classes, gcRoots, totalShallow, topClasses,
                topDominators, biggest, timings, fileCounts, rootsByKind, statistics, heaps, retention);
    }

    private static void objects(DataOutputStream out, List<ObjectRow> rows) throws IOException {
        out.writeInt(rows.size());
        for (ObjectRow row : rows) {
            string(out, row.id());
            string(out, row.className());
            string(out, row.label());
            out.writeLong(row.shallowBytes());
            out.writeLong(row.retainedBytes());
            string(out, row.pathKey());
            out.writeInt(row.pathToRoot().size());
            for (PathStepRow step : row.pathToRoot()) {
                string(out, step.id());
                string(out, step.className());
                string(out, step.edge());
                string(out, step.label());
                string(out, step.indexedEdge());
            }
        }
    }

    private static List<ObjectRow> objects(DataInputStream in) throws IOException {
        List<ObjectRow> rows = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            String id = string(in);
            String className = string(in);
            String label = string(in);
            long shallow = in.readLong();
            long retained = in.readLong();
            String pathKey = string(in);
            List<PathStepRow> path = new ArrayList<>();
            for (int s = count(in); s > 0; s--) {
                path.add(new PathStepRow(string(in), string(in), string(in), string(in), string(in)));
            }
            rows.add(new ObjectRow(id, className, label, shallow, retained, pathKey, path));
        }
        return rows;
    }

    private static void counts(DataOutputStream out, Map<String, Long> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            string(out, entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static Map<String, Long> counts(DataInputStream in) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int n = count(in); n > 0; n--) {
            counts.put(string(in), in.readLong());
        }
        return counts;
    }

    /** A string of any length (writeUTF stops at 64 KB), null kept apart from empty. */
    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count);
        }
        return count;
    }
}
