package dev.heapdelta.analyzer.v8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a snapshot file ends early and what that cost: the nodes, edges and strings read against
 * those the file held, and the one warning that says so.
 *
 * <p>JSON states no byte lengths, so the bytes beyond the cut are not known. {@link #lostBytes()} is
 * a floor instead: the bytes of the incomplete element at the cut (read, then dropped), plus two
 * bytes (one digit and a comma) for every number of each node and edge that the header's {@code
 * node_count} or the nodes' {@code edge_count} fields say the file held and that never started.
 * The string table's lost length is unknown and not counted.
 *
 * @param offset where the text ends
 * @param inflated whether the text was inflated from gzip: then {@code offset} counts inflated bytes
 * @param section the top-level member the cut is inside, or the last one read before it
 * @param insideSection true when the cut is inside {@code section}'s value, false when after it
 * @param nodesInFile the nodes the file held: the header's {@code node_count}, or what was read
 *     (with the incomplete one) when the header says less
 * @param edgesInFile the edges the file held: the sum of the read nodes' {@code edge_count} once
 *     all nodes are read, else the larger of that and the header's {@code edge_count}
 * @param stringsStarted whether the {@code strings} array was started (complete or not)
 * @param incompleteBytes bytes read after the last complete element or member, and dropped
 */
record SnapshotCut(
        long offset,
        boolean inflated,
        String section,
        boolean insideSection,
        int nodesRead,
        long nodesInFile,
        boolean nodeIncomplete,
        int nodeFieldCount,
        int edgesRead,
        long edgesInFile,
        boolean edgeIncomplete,
        int edgeFieldCount,
        boolean stringsStarted,
        boolean stringsComplete,
        int stringsRead,
        long incompleteBytes) {

    long lostNodes() {
        return Math.max(0, nodesInFile - nodesRead);
    }

    long lostEdges() {
        return Math.max(0, edgesInFile - edgesRead);
    }

    /** Nodes and edges lost; strings lost are counted once the names that need them are known. */
    long lostRecords() {
        return lostNodes() + lostEdges();
    }

    long lostBytes() {
        long nodesNeverStarted = Math.max(0, lostNodes() - (nodeIncomplete ? 1 : 0));
        long edgesNeverStarted = Math.max(0, lostEdges() - (edgeIncomplete ? 1 : 0));
        return Math.max(0, incompleteBytes) + 2 * (nodesNeverStarted * nodeFieldCount
                + edgesNeverStarted * edgeFieldCount);
    }

    /**
     * One line: {@code truncated at byte 123456 inside "nodes": read 812 of 2,000 nodes; 1,188 nodes, … are
     * lost}.
     */
    String warning() {
        List<String> read = new ArrayList<>();
        boolean nodesWhole = lostNodes() == 0;
        read.add(nodesWhole ? "all " + count(nodesRead, "node")
                : grouped(nodesRead) + " of " + count(nodesInFile, "node"));
        if (edgesRead > 0 || edgesInFile == 0 && nodesWhole) {
            read.add(lostEdges() == 0 ? count(edgesRead, "edge")
                    : grouped(edgesRead) + " of " + count(edgesInFile, "edge"));
        }
        if (stringsStarted) {
            read.add(count(stringsRead, "string"));
        }
        List<String> lost = new ArrayList<>();
        if (lostNodes() > 0) {
            lost.add(count(lostNodes(), "node"));
        }
        if (lostEdges() > 0) {
            lost.add(count(lostEdges(), "edge"));
        }
        if (!stringsComplete) {
            lost.add(stringsStarted ? "the rest of the string table" : "the string table");
        }
        String text = "truncated at byte " + offset + (inflated ? " of the inflated text" : "")
                + (insideSection ? " inside \"" : " after \"") + section + "\": read " + joined(read) + "; ";
        if (lost.isEmpty()) {
            return text + "nothing the analysis uses is lost";
        }
        boolean singular = lost.size() == 1 && (lostNodes() + lostEdges() == 1 || lost.get(0).startsWith("the "));
        text += joined(lost) + (singular ? " is lost" : " are lost");
        if (!stringsComplete) {
            text += "; names past the table show as <string N lost>";
        }
        return text;
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String count(long n, String noun) {
        return grouped(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
