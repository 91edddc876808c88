package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a snapshot's JSON into a {@link RawSnapshot}: the header with its meta, then the node, edge
 * and location arrays straight into primitive columns, then the string table. Declared counts only
 * size the columns when the bytes could hold them; otherwise the columns grow as numbers arrive.
 *
 * <p>A file that ends early (a process killed while writing it) is read as far as it goes once its
 * root node is complete: the complete nodes, the complete edges (a node whose run the cut went
 * through keeps the edges read from it), the strings read; the incomplete element at the cut is
 * dropped and the loss is counted in a {@link SnapshotCut}. Before the root node is complete the
 * file is a typed error: there is nothing to analyse.
 */
final class SnapshotParser {
    private static final int ROLE_SKIP = 0;
    private static final int ROLE_TYPE = 1;
    private static final int ROLE_NAME = 2;
    private static final int ROLE_ID = 3;
    private static final int ROLE_SIZE = 4;
    private static final int ROLE_EDGE_COUNT = 5;
    private static final int ROLE_DETACHEDNESS = 6;
    private static final int CHECK_SHIFT = 20;
    private static final int CHECK_EVERY = 1 << CHECK_SHIFT;
    /** Nodes or edges read in one go from the scanner's buffer before they are stored in the columns. */
    private static final int RECORDS_PER_BATCH = 4096;

    private final JsonByteScanner scanner;
    private final long plausibleTextBytes;
    private final boolean inflated;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final RawSnapshot raw = new RawSnapshot();
    private boolean nodesRead;
    private boolean edgesRead;
    private boolean stringsRead;
    /** The text offset just after the last complete element read: a cut loses the bytes after it. */
    private long lastCompleteOffset;
    /** The top-level member whose value is being read, or null between members. */
    private String sectionInProgress;
    /** The last top-level member whose value was read (or started), for saying where a cut is. */
    private String lastSection = "snapshot";
    /** What the file held beyond the nodes and edges read, as far as a cut lets it be known. */
    private long nodesInFile;
    private boolean nodeIncomplete;
    private long edgesInFile;
    private int edgesReadBeforeCut;
    private boolean edgeIncomplete;
    private boolean stringsStarted;

    /**
     * @param plausibleTextBytes an upper bound on the JSON text's size, for sizing columns
     * @param inflated whether the text was inflated from gzip, so that offsets count inflated bytes
     */
    SnapshotParser(JsonByteScanner scanner, long plausibleTextBytes, boolean inflated, CancelSignal cancel,
            ProgressListener progress) {
        this.scanner = scanner;
        this.plausibleTextBytes = plausibleTextBytes;
        this.inflated = inflated;
        this.cancel = cancel;
        this.progress = progress;
    }

    RawSnapshot parse() throws IOException {
        scanner.expect('{');
        try {
            if (!scanner.consume('}')) {
                do {
                    long keyOffset = scanner.offset();
                    String key = scanner.readString();
                    scanner.expect(':');
                    readMember(key, keyOffset);
                } while (scanner.nextObjectMember());
            }
            if (!scanner.atEnd()) {
                raw.warnings.add("data after the end of the snapshot object at offset " + scanner.offset() + " ignored");
            }
        } catch (DumpFormatException e) {
            keepWhatWasRead(e);
        }
        if (raw.meta == null) {
            throw scanner.error("no \"snapshot\" header: not a V8 heap snapshot");
        }
        if (!nodesRead || !edgesRead) {
            throw scanner.error("the snapshot has no " + (nodesRead ? "\"edges\"" : "\"nodes\"") + " array");
        }
        raw.stringsComplete = stringsRead;
        if (!stringsRead && !raw.partial) {
            raw.partial = true;
            raw.warnings.add("the snapshot has no \"strings\" table; names show as <string N lost>");
        }
        return raw;
    }

    /**
     * Turns an error into a partial snapshot when something analysable was read: a cut (the input
     * ends) anywhere after the first complete node, or damage anywhere after the edges. Rethrows it
     * otherwise.
     */
    private void keepWhatWasRead(DumpFormatException e) throws DumpFormatException {
        boolean cut = scanner.inputExhausted();
        if (!nodesRead || !edgesRead && !cut) {
            throw e;
        }
        raw.partial = true;
        if (!edgesRead) {
            // Cut inside or before the edges' array: the nodes stand alone, as DevTools would show them.
            Arrays.fill(raw.firstEdgeByNode, 0);
            keepEdges(0, new byte[0], new int[0], new int[0], 0, 0);
            edgesRead = true;
        }
        if (!cut) {
            // Damage after the edges: the graph is whole, what follows (locations, strings) is not.
            raw.lostBytes += Math.max(0, scanner.offset() - lastCompleteOffset);
            raw.warnings.add(e.getMessage() + (stringsRead ? "" : "; names show as <string N lost>"));
            return;
        }
        SnapshotMeta meta = raw.meta;
        String section = sectionInProgress != null ? sectionInProgress : lastSection;
        SnapshotCut at = new SnapshotCut(scanner.offset(), inflated, section, sectionInProgress != null,
                raw.nodeCount, nodesInFile, nodeIncomplete, meta.nodeFieldCount(), edgesReadBeforeCut, edgesInFile,
                edgeIncomplete, meta.edgeFieldCount(), stringsStarted, stringsRead, raw.strings.readCount(),
                scanner.offset() - lastCompleteOffset);
        raw.lostBytes += at.lostBytes();
        raw.lostRecords += at.lostRecords();
        raw.warnings.add(at.warning());
    }

    private void readMember(String key, long keyOffset) throws IOException {
        boolean repeated = switch (key) {
            case "snapshot" -> raw.meta != null;
            case "nodes" -> nodesRead;
            case "edges" -> edgesRead;
            case "strings" -> stringsRead;
            default -> false;
        };
        if (repeated) {
            // A second copy would no longer match the columns already read from the first.
            scanner.skipValue();
            raw.warnings.add("a second \"" + key + "\" at offset " + keyOffset + " ignored");
            return;
        }
        sectionInProgress = key;
        lastSection = key;
        switch (key) {
            case "snapshot" -> {
                long offset = scanner.offset();
                raw.meta = SnapshotMeta.of(scanner.readGenericValue(), scanner.file(), offset);
            }
            case "nodes" -> {
                requireMeta(key, keyOffset);
                readNodes();
                nodesRead = true;
            }
            case "edges" -> {
                if (!nodesRead) {
                    throw new DumpFormatException(scanner.file(), keyOffset, "\"edges\" comes before \"nodes\"");
                }
                readEdges();
                edgesRead = true;
            }
            case "locations" -> {
                if (!nodesRead) {
                    scanner.skipValue();
                    raw.warnings.add("\"locations\" before \"nodes\" ignored");
                } else {
                    readLocations();
                }
            }
            case "strings" -> {
                stringsStarted = true;
                readStrings();
                stringsRead = true;
            }
            default -> scanner.skipValue();
        }
        sectionInProgress = null;
        lastCompleteOffset = scanner.offset();
    }

    /** After node or edge {@code count}: a cut past here loses none of it; checks for cancel now and then. */
    private void completed(int count) {
        lastCompleteOffset = scanner.offset();
        if ((count & (CHECK_EVERY - 1)) == 0) {
            cancel.throwIfCancelled();
            progress.progress(AnalysisPhase.SCAN, scanner.offset(), -1);
        }
    }

    /** After a batch of nodes or edges, {@code from} to {@code to}: as {@link #completed} after each of them. */
    private void completedBatch(int from, int to) {
        lastCompleteOffset = scanner.offset();
        if (from >>> CHECK_SHIFT != to >>> CHECK_SHIFT) {
            cancel.throwIfCancelled();
            progress.progress(AnalysisPhase.SCAN, scanner.offset(), -1);
        }
    }

    /**
     * {@code toNode / nodeFieldCount}, a node's ordinal from its index in the nodes array. By a constant
     * for V8's usual field counts, which the compiler turns into a multiplication: a division per edge
     * is a large share of the edges' parse otherwise.
     */
    private static int nodeOrdinal(long toNode, int nodeFieldCount) {
        if (toNode > Integer.MAX_VALUE) {
            return (int) (toNode / nodeFieldCount);
        }
        int index = (int) toNode;
        return switch (nodeFieldCount) {
            case 6 -> index / 6;
            case 7 -> index / 7;
            default -> index / nodeFieldCount;
        };
    }

    private void requireMeta(String key, long keyOffset) throws DumpFormatException {
        if (raw.meta == null) {
            throw new DumpFormatException(scanner.file(), keyOffset, "\"" + key + "\" comes before the \"snapshot\" header");
        }
    }

    /** How many items to allocate for up front: the declared count, unless the bytes cannot hold that many. */
    private int initialCapacity(long declared, int minBytesPerItem) {
        long plausible = plausibleTextBytes / Math.max(1, minBytesPerItem);
        return (int) Math.max(16, Math.min(Math.min(declared, plausible), Integer.MAX_VALUE - 16));
    }

    private static int grownCapacity(int current, long needed) {
        long grown = Math.max(needed, current + (current >> 1) + 16);
        if (needed > Integer.MAX_VALUE - 16) {
            throw new GraphLimitException("nodes, edges or strings");
        }
        return (int) Math.min(grown, Integer.MAX_VALUE - 16);
    }

    private void readNodes() throws IOException {
        SnapshotMeta meta = raw.meta;
        int fieldCount = meta.nodeFieldCount();
        int[] roles = new int[fieldCount];
        roles[meta.nodeTypeOffset()] = ROLE_TYPE;
        roles[meta.nodeNameOffset()] = ROLE_NAME;
        roles[meta.nodeIdOffset()] = ROLE_ID;
        roles[meta.nodeSelfSizeOffset()] = ROLE_SIZE;
        roles[meta.nodeEdgeCountOffset()] = ROLE_EDGE_COUNT;
        if (meta.nodeDetachednessOffset() >= 0) {
            roles[meta.nodeDetachednessOffset()] = ROLE_DETACHEDNESS;
        }
        int typeCount = meta.nodeTypes().size();
        int capacity = initialCapacity(meta.declaredNodeCount(), fieldCount * 2);
        byte[] types = new byte[capacity];
        int[] names = new int[capacity];
        long[] ids = new long[capacity];
        long[] sizes = new long[capacity];
        int[] edgeCounts = new int[capacity + 1];
        byte[] detachedness = meta.nodeDetachednessOffset() >= 0 ? new byte[capacity] : null;

        scanner.expect('[');
        lastCompleteOffset = scanner.offset();
        int node = 0;
        int field = 0;
        DumpFormatException cut = null;
        int typeOffset = meta.nodeTypeOffset();
        int nameOffset = meta.nodeNameOffset();
        int idOffset = meta.nodeIdOffset();
        int sizeOffset = meta.nodeSelfSizeOffset();
        int edgeCountOffset = meta.nodeEdgeCountOffset();
        int detachednessOffset = meta.nodeDetachednessOffset();
        long[] batch = new long[RECORDS_PER_BATCH * fieldCount];
        int[] recordStarts = new int[RECORDS_PER_BATCH];
        try {
            if (!scanner.consume(']')) {
                do {
                    if (field == 0 && node == types.length) {
                        int grown = grownCapacity(types.length, node + 1L);
                        types = Arrays.copyOf(types, grown);
                        names = Arrays.copyOf(names, grown);
                        ids = Arrays.copyOf(ids, grown);
                        sizes = Arrays.copyOf(sizes, grown);
                        edgeCounts = Arrays.copyOf(edgeCounts, grown + 1);
                        if (detachedness != null) {
                            detachedness = Arrays.copyOf(detachedness, grown);
                        }
                    }
                    if (field == 0) {
                        int records = scanner.nextArrayRecords(batch, fieldCount,
                                Math.min(RECORDS_PER_BATCH, types.length - node), recordStarts);
                        int stored = 0;
                        for (int slot = 0; stored < records; stored++, slot += fieldCount) {
                            long edgeCount = batch[slot + edgeCountOffset];
                            if (edgeCount > Integer.MAX_VALUE) {
                                // Read it again number by number, to fail where it always failed.
                                scanner.rewindToRecord(recordStarts[stored]);
                                break;
                            }
                            long type = batch[slot + typeOffset];
                            long name = batch[slot + nameOffset];
                            types[node] = type < typeCount && type < 128 ? (byte) type : -1;
                            names[node] = name <= Integer.MAX_VALUE ? (int) name : -1;
                            ids[node] = batch[slot + idOffset];
                            sizes[node] = batch[slot + sizeOffset];
                            edgeCounts[node] = (int) edgeCount;
                            if (detachedness != null) {
                                detachedness[node] = (byte) (batch[slot + detachednessOffset] & 3);
                            }
                            node++;
                        }
                        if (stored > 0) {
                            completedBatch(node - stored, node);
                            if (stored == records) {
                                continue;
                            }
                        }
                    }
                    long value = scanner.nextArrayNumber();
                    if (value < 0) {
                        throw scanner.error("node " + node + " field \"" + meta.nodeFields().get(field)
                                + "\" is not a non-negative integer");
                    }
                    switch (roles[field]) {
                        case ROLE_TYPE -> types[node] = value < typeCount && value < 128 ? (byte) value : -1;
                        case ROLE_NAME -> names[node] = value <= Integer.MAX_VALUE ? (int) value : -1;
                        case ROLE_ID -> ids[node] = value;
                        case ROLE_SIZE -> sizes[node] = value;
                        case ROLE_EDGE_COUNT -> {
                            if (value > Integer.MAX_VALUE) {
                                throw scanner.error("node " + node + " edge_count " + value + " is too large");
                            }
                            edgeCounts[node] = (int) value;
                        }
                        case ROLE_DETACHEDNESS -> detachedness[node] = (byte) (value & 3);
                        default -> {
                        }
                    }
                    if (++field == fieldCount) {
                        field = 0;
                        completed(++node);
                    }
                } while (!scanner.lastElement());
            }
        } catch (DumpFormatException e) {
            if (!scanner.inputExhausted()) {
                throw e;
            }
            if (node == 0) {
                throw scanner.error("the file ends inside \"nodes\" before the first complete node: nothing to"
                        + " analyse");
            }
            // Cut inside the nodes: keep the complete ones, drop the one the cut went through.
            cut = e;
        }
        if (cut == null && field != 0) {
            throw scanner.error("the nodes array ends inside node " + node + " (its length is not a multiple of "
                    + fieldCount + " node fields)");
        }
        if (node == 0) {
            throw scanner.error("the snapshot has no nodes");
        }
        long edgeTotal = 0;
        for (int o = 0; o < node; o++) {
            edgeTotal += edgeCounts[o];
        }
        if (edgeTotal > Integer.MAX_VALUE - 16) {
            throw scanner.error("the nodes declare " + edgeTotal + " edges, more than 2^31");
        }
        raw.nodeCount = node;
        raw.typeByNode = trim(types, node);
        raw.nameByNode = trim(names, node);
        raw.idByNode = trim(ids, node);
        raw.selfSizeByNode = trim(sizes, node);
        raw.detachednessByNode = detachedness == null ? null : trim(detachedness, node);
        // Turn edge counts into CSR offsets in place: firstEdge[o] = sum of counts before o.
        int[] firstEdge = edgeCounts.length == node + 1 ? edgeCounts : Arrays.copyOf(edgeCounts, node + 1);
        int running = 0;
        for (int o = 0; o < node; o++) {
            int countOfNode = firstEdge[o];
            firstEdge[o] = running;
            running += countOfNode;
        }
        firstEdge[node] = running;
        raw.firstEdgeByNode = firstEdge;
        long rootIndex = meta.rootIndex();
        if (rootIndex % fieldCount != 0 || rootIndex / fieldCount >= node) {
            throw scanner.error(cut == null ? "snapshot.root_index " + rootIndex + " is not a node"
                    : "the file ends inside \"nodes\" before the root node (snapshot.root_index " + rootIndex
                            + ") is complete: nothing to analyse");
        }
        raw.rootOrdinal = (int) (rootIndex / fieldCount);
        // Bytes past the last complete node (V8 writes no blank after a comma) start the one the cut went through.
        nodeIncomplete = cut != null && (field != 0 || scanner.offset() > lastCompleteOffset);
        nodesInFile = Math.max(cut == null ? node : meta.declaredNodeCount(), node + (nodeIncomplete ? 1 : 0));
        edgesInFile = cut == null ? edgeTotal : Math.max(edgeTotal, meta.declaredEdgeCount());
        if (cut != null) {
            nodesRead = true;
            throw cut;
        }
        if (meta.declaredNodeCount() > node) {
            // The array closes early (a file cut, then closed by hand): the header knows what is missing.
            long lostNodes = meta.declaredNodeCount() - node;
            long lostEdges = Math.max(0, meta.declaredEdgeCount() - edgeTotal);
            raw.partial = true;
            raw.lostRecords += lostNodes + lostEdges;
            raw.lostBytes += 2 * (lostNodes * fieldCount + lostEdges * meta.edgeFieldCount());
            raw.warnings.add("the nodes array ends at byte " + scanner.offset() + " after " + grouped(node)
                    + " of the " + grouped(meta.declaredNodeCount()) + " nodes snapshot.node_count declares; "
                    + grouped(lostNodes) + " nodes and " + grouped(lostEdges) + " edges are lost");
        }
    }

    private void readEdges() throws IOException {
        SnapshotMeta meta = raw.meta;
        int fieldCount = meta.edgeFieldCount();
        int nodeFieldCount = meta.nodeFieldCount();
        int typeOffset = meta.edgeTypeOffset();
        int nameOffset = meta.edgeNameOffset();
        int toNodeOffset = meta.edgeToNodeOffset();
        int typeCount = meta.edgeTypes().size();
        long nodeFieldTotal = (long) raw.nodeCount * nodeFieldCount;
        int expected = raw.firstEdgeByNode[raw.nodeCount];
        int capacity = initialCapacity(expected, fieldCount * 2);
        byte[] types = new byte[capacity];
        int[] names = new int[capacity];
        int[] targets = new int[capacity];

        scanner.expect('[');
        lastCompleteOffset = scanner.offset();
        int edge = 0;
        int field = 0;
        int outside = 0;
        int misaligned = 0;
        long[] batch = new long[RECORDS_PER_BATCH * fieldCount];
        int[] recordStarts = new int[RECORDS_PER_BATCH];
        try {
            if (!scanner.consume(']')) {
                do {
                    if (field == 0 && edge < expected && edge == types.length) {
                        int grown = (int) Math.min(expected, grownCapacity(types.length, edge + 1L));
                        types = Arrays.copyOf(types, grown);
                        names = Arrays.copyOf(names, grown);
                        targets = Arrays.copyOf(targets, grown);
                    }
                    if (field == 0) {
                        // At most the declared edges: one more is read number by number, and fails so.
                        int records = scanner.nextArrayRecords(batch, fieldCount,
                                Math.min(RECORDS_PER_BATCH, Math.min(types.length, expected) - edge), recordStarts);
                        for (int slot = 0, r = 0; r < records; r++, slot += fieldCount) {
                            long type = batch[slot + typeOffset];
                            long name = batch[slot + nameOffset];
                            long toNode = batch[slot + toNodeOffset];
                            types[edge] = type < typeCount && type < 128 ? (byte) type : -1;
                            names[edge] = name <= Integer.MAX_VALUE ? (int) name : -1;
                            if (toNode >= nodeFieldTotal) {
                                outside++;
                                targets[edge] = -1;
                            } else {
                                int target = nodeOrdinal(toNode, nodeFieldCount);
                                if ((long) target * nodeFieldCount != toNode) {
                                    misaligned++;
                                    targets[edge] = -1;
                                } else {
                                    targets[edge] = target;
                                }
                            }
                            edge++;
                        }
                        if (records > 0) {
                            completedBatch(edge - records, edge);
                            continue;
                        }
                    }
                    long value = scanner.nextArrayNumber();
                    if (value < 0) {
                        throw scanner.error("edge " + edge + " field \"" + meta.edgeFields().get(field)
                                + "\" is not a non-negative integer");
                    }
                    if (field == 0 && edge >= expected) {
                        throw scanner.error("the edges array holds more edges than the " + expected
                                + " the nodes' edge_count fields declare");
                    }
                    if (field == typeOffset) {
                        types[edge] = value < typeCount && value < 128 ? (byte) value : -1;
                    } else if (field == nameOffset) {
                        names[edge] = value <= Integer.MAX_VALUE ? (int) value : -1;
                    } else if (field == toNodeOffset) {
                        if (value >= nodeFieldTotal) {
                            outside++;
                            targets[edge] = -1;
                        } else if (value % nodeFieldCount != 0) {
                            misaligned++;
                            targets[edge] = -1;
                        } else {
                            targets[edge] = (int) (value / nodeFieldCount);
                        }
                    }
                    if (++field == fieldCount) {
                        field = 0;
                        completed(++edge);
                    }
                } while (!scanner.lastElement());
            }
        } catch (DumpFormatException e) {
            if (!scanner.inputExhausted()) {
                throw e;
            }
            // Cut inside the edges. V8 writes each node's edges as one run, in node order, so the
            // runs before the cut are whole; the node whose run is cut keeps the edges read from it
            // (each one is a real reference), and every later node has none.
            int[] firstEdge = raw.firstEdgeByNode;
            for (int node = 0; node <= raw.nodeCount; node++) {
                firstEdge[node] = Math.min(firstEdge[node], edge);
            }
            edgesReadBeforeCut = edge;
            edgeIncomplete = field != 0 || scanner.offset() > lastCompleteOffset;
            keepEdges(edge, trim(types, edge), trim(names, edge), trim(targets, edge), outside, misaligned);
            edgesRead = true;
            throw e;
        }
        if (field != 0) {
            throw scanner.error("the edges array ends inside edge " + edge + " (its length is not a multiple of "
                    + fieldCount + " edge fields)");
        }
        if (edge < expected) {
            // The array closes early (a file cut, then closed by hand): read it as a cut, since V8 writes
            // the runs in node order. (More edges than declared are an error, at the first extra one.)
            int[] firstEdge = raw.firstEdgeByNode;
            for (int node = 0; node <= raw.nodeCount; node++) {
                firstEdge[node] = Math.min(firstEdge[node], edge);
            }
            raw.partial = true;
            raw.lostRecords += expected - edge;
            raw.lostBytes += 2L * fieldCount * (expected - edge);
            raw.warnings.add("the edges array ends at byte " + scanner.offset() + " after " + grouped(edge) + " of the "
                    + grouped(expected) + " edges the nodes declare; the nodes past them keep no edges");
            // Counted here: a later cut must not count these edges again.
            edgesInFile = edge;
        }
        edgesReadBeforeCut = edge;
        keepEdges(edge, trim(types, edge), trim(names, edge), trim(targets, edge), outside, misaligned);
    }

    /** Stores the edge columns, dropping (with a counted warning) edges whose to_node is not a node. */
    private void keepEdges(int edgeCount, byte[] types, int[] names, int[] targets, int outside, int misaligned) {
        if (outside + misaligned > 0) {
            raw.warnings.add("edges whose to_node is not a node were dropped: " + outside
                    + " outside the node array of " + raw.nodeCount + " nodes, " + misaligned
                    + " not a multiple of the node field count " + raw.meta.nodeFieldCount());
            raw.lostRecords += outside + misaligned;
            int[] firstEdge = raw.firstEdgeByNode;
            int kept = 0;
            int start = firstEdge[0];
            for (int node = 0; node < raw.nodeCount; node++) {
                int end = firstEdge[node + 1];
                firstEdge[node] = kept;
                for (int e = start; e < end; e++) {
                    if (targets[e] >= 0) {
                        types[kept] = types[e];
                        names[kept] = names[e];
                        targets[kept] = targets[e];
                        kept++;
                    }
                }
                start = end;
            }
            firstEdge[raw.nodeCount] = kept;
            edgeCount = kept;
            types = trim(types, kept);
            names = trim(names, kept);
            targets = trim(targets, kept);
        }
        raw.edgeCount = edgeCount;
        raw.typeByEdge = types;
        raw.nameOrIndexByEdge = names;
        raw.targetByEdge = targets;
    }

    private void readLocations() throws IOException {
        SnapshotMeta meta = raw.meta;
        int fieldCount = meta.locationFieldCount();
        if (!meta.hasLocations()) {
            scanner.skipValue();
            return;
        }
        int nodeFieldCount = meta.nodeFieldCount();
        // Few nodes have a location: start small and grow, rather than four ints per node up front.
        int[] locations = new int[initialCapacity(Math.min(raw.nodeCount * 4L, 1 << 16), 2)];
        int[] current = new int[Math.max(fieldCount, 1)];
        int count = 0;
        int field = 0;
        int dropped = 0;
        scanner.expect('[');
        if (!scanner.consume(']')) {
            do {
                long value = scanner.readUnsignedLong();
                if (value < 0 || value > Integer.MAX_VALUE) {
                    throw scanner.error("location " + count + " field \"" + meta.locationFields().get(field)
                            + "\" is not a non-negative integer");
                }
                current[field] = (int) value;
                if (++field == fieldCount) {
                    field = 0;
                    long objectIndex = current[meta.locationObjectOffset()];
                    if (objectIndex % nodeFieldCount != 0 || objectIndex / nodeFieldCount >= raw.nodeCount) {
                        dropped++;
                        continue;
                    }
                    if (count * 4 + 4 > locations.length) {
                        locations = Arrays.copyOf(locations, grownCapacity(locations.length, count * 4L + 4));
                    }
                    locations[count * 4] = (int) (objectIndex / nodeFieldCount);
                    locations[count * 4 + 1] = current[meta.locationScriptOffset()];
                    locations[count * 4 + 2] = current[meta.locationLineOffset()];
                    locations[count * 4 + 3] = current[meta.locationColumnOffset()];
                    count++;
                }
            } while (scanner.nextArrayElement());
        }
        if (field != 0) {
            raw.warnings.add("the locations array ends inside a location; the incomplete one is ignored");
        }
        if (dropped > 0) {
            raw.warnings.add(dropped + " locations name no node and were ignored");
        }
        raw.locations = trim(locations, count * 4);
        raw.locationCount = count;
    }

    private void readStrings() throws IOException {
        scanner.expect('[');
        if (scanner.consume(']')) {
            return;
        }
        do {
            raw.strings.addRead(scanner.readString());
            lastCompleteOffset = scanner.offset();
            if ((raw.strings.size() & 0xFFFF) == 0) {
                cancel.throwIfCancelled();
            }
        } while (scanner.nextArrayElement());
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static byte[] trim(byte[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }

    private static int[] trim(int[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }

    private static long[] trim(long[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }
}
