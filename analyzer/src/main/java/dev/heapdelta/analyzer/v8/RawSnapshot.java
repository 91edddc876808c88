package dev.heapdelta.analyzer.v8;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot's arrays as read, one primitive column per field the analysis needs, indexed by node
 * ordinal (node index / node field count) and edge ordinal. The DevTools passes adjust these columns
 * (self sizes, names) before they become a graph.
 */
final class RawSnapshot {
    static final byte NO_DETACHEDNESS = 0;

    SnapshotMeta meta;
    int nodeCount;
    /** The raw {@code type} value, or -1 when it is outside the snapshot's own type list. */
    byte[] typeByNode;
    int[] nameByNode;
    long[] idByNode;
    long[] selfSizeByNode;
    int[] firstEdgeByNode;
    /** The {@code detachedness} column (DevTools' DOM link state), or null when the snapshot has none. */
    byte[] detachednessByNode;

    int edgeCount;
    /** The raw edge {@code type} value, or -1 when it is outside the snapshot's own type list. */
    byte[] typeByEdge;
    int[] nameOrIndexByEdge;
    int[] targetByEdge;

    /** Locations as (node ordinal, script id, line, column) quadruples, in file order. */
    int[] locations = new int[0];
    int locationCount;

    final StringTable strings = new StringTable();
    /** False when the string table was cut short or is missing: names past its end were lost, not wrong. */
    boolean stringsComplete;
    int rootOrdinal;

    final List<String> warnings = new ArrayList<>();
    boolean partial;
    long lostBytes;
    /** Nodes and edges cut off or dropped, and strings the nodes and edges name that a cut table lost. */
    long lostRecords;

    /** Two node-sized work arrays the DevTools passes share, so that each pass does not touch fresh memory. */
    private final int[][] scratchByNumber = new int[2][];

    /**
     * Work array {@code number} (0 or 1) of {@link #nodeCount} ints, with undefined contents: a pass
     * that uses it fills what it reads, and no two passes use the same one at once.
     */
    int[] nodeScratch(int number) {
        if (scratchByNumber[number] == null) {
            scratchByNumber[number] = new int[nodeCount];
        }
        return scratchByNumber[number];
    }

    void releaseScratch() {
        scratchByNumber[0] = null;
        scratchByNumber[1] = null;
    }

    String string(int index) {
        return index >= 0 && index < strings.size() ? strings.get(index) : "";
    }

    String nodeName(int node) {
        return string(nameByNode[node]);
    }

    /** The node type name as the snapshot spells it; {@code undefined} for an unlisted type, as DevTools shows it. */
    String nodeTypeName(int node) {
        int type = typeByNode[node];
        return type < 0 ? "undefined" : meta.nodeTypes().get(type);
    }

    int typeIndex(String typeName) {
        return meta.nodeTypes().indexOf(typeName);
    }

    int edgeTypeIndex(String typeName) {
        return meta.edgeTypes().indexOf(typeName);
    }

    /** True for edge types whose name_or_index is a number (element, hidden), as DevTools decides. */
    boolean edgeHasIndexName(int edge) {
        int type = typeByEdge[edge];
        if (type < 0) {
            return false;
        }
        String name = meta.edgeTypes().get(type);
        return name.equals("element") || name.equals("hidden");
    }
}
