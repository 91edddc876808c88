package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a {@link HeapGraph} to an index file and builds the same graph back from it, without the
 * dump: every column, the roots, entries, classes and the {@link DumpInfo}. The format's
 * {@link ObjectDetails} are saved by their own reader package.
 */
public final class GraphImage {
    private static final int MAGIC = 0x48444731;

    private GraphImage() {
    }

    public static void write(HeapGraph graph, ImageOutput out) throws IOException {
        HeapGraphBuilder.Parts parts = graph.toParts();
        out.writeInt(MAGIC);
        out.writeInt(parts.format.ordinal());
        out.writeInt(parts.objectCount);
        // The ids as the graph holds them: an 8-byte column, or the HPROF reader's rank bitmap, a quarter of
        // that column's bytes on the benchmark dump (78 MB against 305 MB of 2 GB written).
        out.writeBoolean(parts.idByObject == null);
        if (parts.idByObject != null) {
            out.writeLongs(parts.idByObject);
        } else {
            out.writeLong(parts.rankedIds.base());
            out.writeInt(parts.rankedIds.shift());
            out.writeLongs(parts.rankedIds.wordsAndRanks());
        }
        out.writeInts(parts.classByObject, parts.objectCount);
        out.writeInts(parts.shallowSizeByObject, parts.objectCount);
        out.writeInt(parts.largeShallowSizeByObject.size());
        for (Map.Entry<Integer, Long> large : parts.largeShallowSizeByObject.entrySet()) {
            out.writeInt(large.getKey());
            out.writeLong(large.getValue());
        }
        out.writeBytes(parts.kindByObject);
        out.writeLongs(parts.recordOffsetByObject);
        out.writeInts(parts.compactRecordOffsetByObject, lengthOf(parts.compactRecordOffsetByObject));
        out.writeInts(parts.nameByObject, lengthOf(parts.nameByObject));
        out.writeInts(parts.firstEdgeByObject, lengthOf(parts.firstEdgeByObject));
        out.writeInts(parts.targetByEdge, lengthOf(parts.targetByEdge));
        out.writeBytes(parts.kindByEdge);
        out.writeInts(parts.labelByEdge, lengthOf(parts.labelByEdge));
        out.writeLongs(parts.neverRetainingEdgeBits);
        out.writeInts(parts.objectByRoot);
        out.writeBytes(parts.kindByRoot);
        out.writeInts(parts.threadByRoot);
        out.writeInts(parts.entryObjects);
        out.writeInt(parts.syntheticRoot);
        out.writeInt(parts.classes.size());
        for (HeapClass heapClass : parts.classes) {
            out.writeString(heapClass.name());
            out.writeString(heapClass.key());
            out.writeInt(heapClass.superClass());
            out.writeInt(heapClass.classObject());
            out.writeLong(heapClass.instanceSize());
        }
        writeInfo(graph.info(), out);
    }

    /**
     * Reads a graph {@link #write} saved, checks the file's end and checksum, and only then builds it.
     *
     * @param checksum the file's CRC-32C as recorded when it was written
     */
    public static HeapGraph read(ImageInput in, long checksum, HeapGraph.ObjectDetailsFactory details,
            ColumnStore store) throws IOException {
        if (in.readInt() != MAGIC) {
            throw in.damaged("not a graph image");
        }
        HeapGraphBuilder.Parts parts = new HeapGraphBuilder.Parts();
        parts.store = store;
        parts.format = HeapFormat.values()[in.readCount(HeapFormat.values().length - 1)];
        int n = in.readCount(Integer.MAX_VALUE - 8);
        parts.objectCount = n;
        if (in.readBoolean()) {
            long base = in.readLong();
            int shift = in.readCount(63);
            LongColumn wordsAndRanks = present(in, in.readLongColumn(store), "object ids");
            if (rankedCount(wordsAndRanks) != n) {
                throw in.damaged("object id bitmap ranks " + rankedCount(wordsAndRanks) + " ids, not " + n);
            }
            parts.rankedIds = new RankBitmapIds(base, shift, wordsAndRanks, n, store);
        } else {
            parts.idByObject = sized(in, in.readLongColumn(store), n, false);
        }
        parts.classByObject = sized(in, in.readIntColumn(store), n, false);
        parts.shallowSizeByObject = sized(in, in.readIntColumn(store), n, false);
        int large = in.readCount(n);
        for (int i = 0; i < large; i++) {
            parts.largeShallowSizeByObject.put(in.readCount(n - 1), in.readLong());
        }
        parts.kindByObject = sized(in, in.readByteColumn(store), n, false);
        parts.recordOffsetByObject = sized(in, in.readLongColumn(store), n, true);
        parts.compactRecordOffsetByObject = sized(in, in.readIntColumn(store), n, true);
        parts.nameByObject = sized(in, in.readIntColumn(store), n, true);
        parts.firstEdgeByObject = sized(in, in.readIntColumn(store), n + 1, false);
        parts.targetByEdge = present(in, in.readIntColumn(store), "edge targets");
        int edges = lengthOf(parts.targetByEdge);
        parts.kindByEdge = sized(in, in.readByteColumn(store), edges, false);
        parts.labelByEdge = sized(in, in.readIntColumn(store), edges, true);
        parts.neverRetainingEdgeBits = in.readLongs();
        parts.objectByRoot = present(in, in.readInts(), "GC roots");
        parts.kindByRoot = sized(in, in.readBytes(), parts.objectByRoot.length, false);
        parts.threadByRoot = sized(in, in.readInts(), parts.objectByRoot.length, false);
        parts.entryObjects = present(in, in.readInts(), "entry objects");
        parts.syntheticRoot = in.readInt();
        int classCount = in.readCount(Integer.MAX_VALUE);
        for (int c = 0; c < classCount; c++) {
            parts.classes.add(new HeapClass(in.readString(), in.readString(), in.readInt(), in.readInt(),
                    in.readLong()));
        }
        DumpInfo info = readInfo(in);
        in.verifyEnd(checksum);
        return new HeapGraph(parts, details, info);
    }

    private static void writeInfo(DumpInfo info, ImageOutput out) throws IOException {
        out.writeInt(info.format().ordinal());
        out.writeString(info.formatVersion());
        out.writeInt(info.idSize());
        out.writeInt(info.dumpsInFile());
        out.writeInt(info.dumpIndex());
        out.writeLong(info.fileBytes());
        out.writeLong(info.timestampMillis());
        out.writeBoolean(info.partial());
        out.writeLong(info.lostBytes());
        out.writeLong(info.lostRecords());
        out.writeInt(info.warnings().size());
        for (String warning : info.warnings()) {
            out.writeString(warning);
        }
        writeCounts(info.fileCounts(), out);
        writeCounts(info.statistics(), out);
        out.writeInt(info.heaps().size());
        for (DumpInfo.AndroidHeap heap : info.heaps()) {
            out.writeString(heap.name());
            out.writeInt(heap.id());
            out.writeLong(heap.classes());
            out.writeLong(heap.instances());
            out.writeLong(heap.shallowBytes());
        }
    }

    private static DumpInfo readInfo(ImageInput in) throws IOException {
        HeapFormat format = HeapFormat.values()[in.readCount(HeapFormat.values().length - 1)];
        String formatVersion = in.readString();
        int idSize = in.readInt();
        int dumpsInFile = in.readInt();
        int dumpIndex = in.readInt();
        long fileBytes = in.readLong();
        long timestamp = in.readLong();
        boolean partial = in.readBoolean();
        long lostBytes = in.readLong();
        long lostRecords = in.readLong();
        int warningCount = in.readCount(1 << 20);
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < warningCount; i++) {
            warnings.add(in.readString());
        }
        Map<String, Long> fileCounts = readCounts(in);
        Map<String, Long> statistics = readCounts(in);
        int heapCount = in.readCount(1 << 20);
        List<DumpInfo.AndroidHeap> heaps = new ArrayList<>();
        for (int i = 0; i < heapCount; i++) {
            heaps.add(new DumpInfo.AndroidHeap(in.readString(), in.readInt(), in.readLong(), in.readLong(),
                    in.readLong()));
        }
        return new DumpInfo(format, formatVersion, idSize, dumpsInFile, dumpIndex, fileBytes, timestamp, partial,
                lostBytes, lostRecords, List.copyOf(warnings), fileCounts, statistics, List.copyOf(heaps));
    }

    /** In the map's own order, which JSON output follows. */
    private static void writeCounts(Map<String, Long> counts, ImageOutput out) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.writeString(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static Map<String, Long> readCounts(ImageInput in) throws IOException {
        int size = in.readCount(1 << 20);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            counts.put(in.readString(), in.readLong());
        }
        return counts;
    }

    /** The ids a rank bitmap holds: its last word's rank plus that word's bits; -1 when it is no such bitmap. */
    private static long rankedCount(LongColumn wordsAndRanks) {
        int length = wordsAndRanks.length();
        if (length % 2 != 0) {
            return -1;
        }
        return length == 0 ? 0 : wordsAndRanks.get(length - 1) + Long.bitCount(wordsAndRanks.get(length - 2));
    }

    private static <T> T sized(ImageInput in, T column, int expected, boolean optional) throws IOException {
        int length = lengthOf(column);
        if (column == null ? !optional : length != expected) {
            throw in.damaged("a column of " + length + " entries where " + expected + " were expected");
        }
        return column;
    }

    /** A damaged entry can say "no array" where one must be: damage, not a NullPointerException later. */
    private static <T> T present(ImageInput in, T column, String what) throws IOException {
        if (column == null) {
            throw in.damaged("no " + what + " where the image must have them");
        }
        return column;
    }

    private static int lengthOf(Object column) {
        if (column instanceof IntColumn ints) {
            return ints.length();
        } else if (column instanceof LongColumn longs) {
            return longs.length();
        } else if (column instanceof ByteColumn bytes) {
            return bytes.length();
        }
        return column == null ? -1 : java.lang.reflect.Array.getLength(column);
    }
}
