package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DecompressedInput;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.StorageChoice;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a V8 {@code .heapsnapshot} (or {@code .heaptimeline}, plain or gzipped) into a {@link
 * HeapGraph} with Chrome DevTools' semantics: its shallow sizes (owned arrays moved onto their
 * owners), its Summary class grouping, its statistics, and the edge rules its dominator tree uses.
 * Node ordinal {@code i} becomes object {@code i}; the snapshot's root is the synthetic root and the
 * only entry object.
 */
public final class V8SnapshotReader {
    /** A gzipped snapshot rarely inflates more than this; only used to doubt declared counts. */
    private static final long MAX_GZIP_RATIO = 64;

    /**
     * What the analyses (the dominator computation, the tree it keeps, the reports' shortest paths) add at
     * their peak per node, beyond the graph: measured about 43 B on the 6.4 M-node benchmark snapshot (the
     * summary's live heap peaks at about 700 MB over the 431 MB graph), with some room for other shapes.
     * An estimate that falls short still ends well: the loader retries out of core on running out of heap.
     */
    private static final long ANALYSIS_BYTES_PER_NODE = 56;

    private V8SnapshotReader() {
    }

    public static HeapGraph read(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress)
            throws IOException {
        String name = options.displayName() != null ? options.displayName() : file.toString();
        FormatDetector.Detected detected = FormatDetector.detect(file);
        if (detected.kind() != DumpKind.V8_SNAPSHOT) {
            throw new DumpFormatException(name, 0, "not a V8 heap snapshot (expected a JSON object starting with"
                    + " \"snapshot\")");
        }
        long fileBytes = Files.size(file);
        RawSnapshot raw;
        try (InputStream in = new ReadAheadInputStream(DecompressedInput.open(file, detected.compression()))) {
            JsonByteScanner scanner = new JsonByteScanner(in, name);
            long plausible = detected.compressed() ? fileBytes * MAX_GZIP_RATIO : fileBytes;
            raw = new SnapshotParser(scanner, plausible, detected.compressed(), cancel, progress).parse();
        }
        cancel.throwIfCancelled();
        progress.progress(AnalysisPhase.GRAPH, 0, raw.nodeCount);
        // The reader's arrays are on the heap by now and become the graph's; what the analyses compute
        // from them (dominators, paths) can still go out of core when the heap left cannot hold it.
        ColumnStore store = StorageChoice.choose(options.storage(), ANALYSIS_BYTES_PER_NODE * raw.nodeCount,
                options.columnDirectory());
        return toGraph(raw, fileBytes, store);
    }

    static HeapGraph toGraph(RawSnapshot raw, long fileBytes, ColumnStore store) {
        int stringCountInFile = raw.strings.size();
        checkNames(raw);
        DomStatePropagation.apply(raw);
        // The edge rules only read what the size, class and statistics passes leave alone (edges,
        // ids, strings), and DOM state propagation has already renamed what it renames: use the
        // second core for them.
        FutureTask<long[]> neverRetainingTask = new FutureTask<>(
                () -> EssentialEdges.neverRetainingEdges(raw, EssentialEdges.pageOwned(raw)));
        Thread edgeRules = new Thread(neverRetainingTask, "heapdelta-v8-edge-rules");
        edgeRules.setDaemon(true);
        edgeRules.start();
        OwnedSizes.apply(raw);
        ClassGrouping.Result grouping = ClassGrouping.of(raw, PlainObjectInterfaces.namesOf(raw));
        Map<String, Long> statistics = DevToolsStatistics.of(raw);
        // The passes are done with the first work array: it becomes the shallow-size column.
        int[] shallowSizeColumn = raw.nodeScratch(0);
        raw.releaseScratch();
        long[] neverRetaining = resultOf(neverRetainingTask);

        int n = raw.nodeCount;
        // The id, class and name columns become the graph's own: no second copy of them at the peak.
        HeapGraphBuilder builder = HeapGraphBuilder.adoptingColumns(HeapFormat.V8, raw.idByNode,
                grouping.classByNode(), raw.nameByNode, shallowSizeColumn, true, store);
        for (var heapClass : grouping.classes()) {
            builder.addClass(heapClass);
        }
        ObjectKind[] kindByType = objectKinds(raw.meta.nodeTypes());
        int[] classByNode = grouping.classByNode();
        long[] idByNode = raw.idByNode;
        long[] selfSizeByNode = raw.selfSizeByNode;
        for (int node = 0; node < n; node++) {
            int type = raw.typeByNode[node];
            ObjectKind kind = type < 0 ? ObjectKind.V8_UNKNOWN : kindByType[type];
            long size = selfSizeByNode[node];
            if (node == raw.rootOrdinal) {
                size += raw.meta.extraNativeBytes();
            }
            builder.setObject(node, idByNode[node], classByNode[node], size, kind);
        }
        raw.selfSizeByNode = null;
        builder.adoptEdges(raw.firstEdgeByNode, raw.targetByEdge, edgeKindCodes(raw), raw.nameOrIndexByEdge);
        builder.setNeverRetainingEdges(neverRetaining);
        builder.setSyntheticRoot(raw.rootOrdinal);
        builder.addEntry(raw.rootOrdinal);
        builder.addRoot(raw.rootOrdinal, RootKind.V8_SYNTHETIC_ROOT, -1);
        addGcRoots(raw, builder);

        Map<String, Long> fileCounts = new LinkedHashMap<>();
        fileCounts.put("nodes", (long) n);
        fileCounts.put("edges", (long) raw.edgeCount);
        fileCounts.put("strings", (long) stringCountInFile);
        fileCounts.put("locations", (long) raw.locationCount);
        DumpInfo info = new DumpInfo(HeapFormat.V8, raw.meta.summary(), 0, 1, 0, fileBytes, 0, raw.partial,
                raw.lostBytes, raw.lostRecords, List.copyOf(raw.warnings), fileCounts, statistics, List.of());
        V8ObjectDetails.Tables tables = new V8ObjectDetails.Tables(raw.strings, raw.meta.nodeTypes(),
                raw.typeByNode, raw.detachednessByNode, raw.locations, raw.locationCount);
        return builder.build(graph -> new V8ObjectDetails(graph, tables), info);
    }

    /** The task's result, waiting for it; what it threw is thrown here, as if it had run on this thread. */
    private static <T> T resultOf(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // The task is short and bounded: finish waiting, then restore the interrupt.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Settles what each name index means before any pass adds strings. When the table was cut short
     * (or is missing), an index past its end names a string the cut lost: it reads as {@code <string
     * N lost>} and counts as a lost record. V8 numbers strings in order of first use while it writes
     * the nodes, then the edges, so the nodes and edges read cannot name more than one string each
     * past the table (plus its dummy first entry); an index beyond that, or any index past a whole
     * table, is damage: shown empty, with a counted warning.
     */
    private static void checkNames(RawSnapshot raw) {
        int strings = raw.strings.readCount();
        long possible = raw.stringsComplete ? strings : strings + (long) raw.nodeCount + raw.edgeCount + 1;
        int badNodes = 0;
        long highestName = strings - 1L;
        int[] nameByNode = raw.nameByNode;
        for (int node = 0; node < raw.nodeCount; node++) {
            int name = nameByNode[node];
            if (name < 0 || name >= possible) {
                badNodes++;
                // Never let it fall on a string a pass adds later.
                nameByNode[node] = -1;
            } else {
                highestName = Math.max(highestName, name);
            }
        }
        int badEdges = 0;
        int[] nameByEdge = raw.nameOrIndexByEdge;
        for (int edge = 0; edge < raw.edgeCount; edge++) {
            int name = nameByEdge[edge];
            if (raw.edgeHasIndexName(edge)) {
                continue;
            }
            if (name < 0 || name >= possible) {
                badEdges++;
                nameByEdge[edge] = -1;
            } else {
                highestName = Math.max(highestName, name);
            }
        }
        int lost = (int) (highestName + 1 - strings);
        if (lost > 0) {
            raw.strings.markLost(lost);
            raw.lostRecords += lost;
        }
        if (badNodes > 0) {
            raw.warnings.add(badNodes + " nodes name strings outside the string table of " + strings + " (shown empty)");
        }
        if (badEdges > 0) {
            raw.warnings.add(badEdges + " edges name strings outside the string table of " + strings + " (shown empty)");
        }
    }

    private static ObjectKind[] objectKinds(List<String> nodeTypes) {
        ObjectKind[] kinds = new ObjectKind[nodeTypes.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = switch (nodeTypes.get(i)) {
                case "hidden" -> ObjectKind.V8_HIDDEN;
                case "array" -> ObjectKind.V8_ARRAY;
                case "string" -> ObjectKind.V8_STRING;
                case "object" -> ObjectKind.V8_OBJECT;
                case "code" -> ObjectKind.V8_CODE;
                case "closure" -> ObjectKind.V8_CLOSURE;
                case "regexp" -> ObjectKind.V8_REGEXP;
                case "number" -> ObjectKind.V8_NUMBER;
                case "native" -> ObjectKind.V8_NATIVE;
                case "synthetic" -> ObjectKind.V8_SYNTHETIC;
                case "concatenated string" -> ObjectKind.V8_CONCATENATED_STRING;
                case "sliced string" -> ObjectKind.V8_SLICED_STRING;
                case "symbol" -> ObjectKind.V8_SYMBOL;
                case "bigint" -> ObjectKind.V8_BIGINT;
                case "object shape" -> ObjectKind.V8_OBJECT_SHAPE;
                default -> ObjectKind.V8_UNKNOWN;
            };
        }
        return kinds;
    }

    /** The edge kinds in place of the raw type column; a type V8 does not define reads as internal. */
    private static byte[] edgeKindCodes(RawSnapshot raw) {
        List<String> edgeTypes = raw.meta.edgeTypes();
        byte[] codeByType = new byte[edgeTypes.size()];
        boolean unknownType = false;
        for (int i = 0; i < codeByType.length; i++) {
            EdgeKind kind = switch (edgeTypes.get(i)) {
                case "context" -> EdgeKind.V8_CONTEXT;
                case "element" -> EdgeKind.V8_ELEMENT;
                case "property" -> EdgeKind.V8_PROPERTY;
                case "internal" -> EdgeKind.V8_INTERNAL;
                case "hidden" -> EdgeKind.V8_HIDDEN;
                case "shortcut" -> EdgeKind.V8_SHORTCUT;
                case "weak" -> EdgeKind.V8_WEAK;
                default -> null;
            };
            unknownType |= kind == null;
            codeByType[i] = (kind == null ? EdgeKind.V8_INTERNAL : kind).code();
        }
        byte[] types = raw.typeByEdge;
        byte internal = EdgeKind.V8_INTERNAL.code();
        int outside = 0;
        for (int e = 0; e < raw.edgeCount; e++) {
            int type = types[e];
            if (type < 0) {
                outside++;
                types[e] = internal;
            } else {
                types[e] = codeByType[type];
            }
        }
        if (unknownType || outside > 0) {
            raw.warnings.add("edges of types V8 does not define read as internal edges (" + outside
                    + " outside the type list)");
        }
        // The column now holds EdgeKind codes; nothing after this reads raw edge types.
        raw.typeByEdge = null;
        return types;
    }

    /** Every distinct node directly under a {@code (GC roots)} category node (or directly under {@code (GC roots)}). */
    private static void addGcRoots(RawSnapshot raw, HeapGraphBuilder builder) {
        int synthetic = raw.typeIndex("synthetic");
        int root = raw.rootOrdinal;
        BitSet rooted = new BitSet(raw.nodeCount);
        for (int e = raw.firstEdgeByNode[root]; e < raw.firstEdgeByNode[root + 1]; e++) {
            int gcRoots = raw.targetByEdge[e];
            if (raw.typeByNode[gcRoots] != synthetic || !raw.nodeName(gcRoots).equals("(GC roots)")) {
                continue;
            }
            for (int c = raw.firstEdgeByNode[gcRoots]; c < raw.firstEdgeByNode[gcRoots + 1]; c++) {
                int category = raw.targetByEdge[c];
                if (raw.typeByNode[category] != synthetic) {
                    rooted.set(category);
                    continue;
                }
                for (int r = raw.firstEdgeByNode[category]; r < raw.firstEdgeByNode[category + 1]; r++) {
                    rooted.set(raw.targetByEdge[r]);
                }
            }
        }
        for (int node = rooted.nextSetBit(0); node >= 0; node = rooted.nextSetBit(node + 1)) {
            builder.addRoot(node, RootKind.V8_GC_ROOT, -1);
        }
    }
}
