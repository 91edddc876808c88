package dev.heapdelta.analyzer.v8;

/**
 * DevTools' "calculate shallow sizes": an internal array or hidden object (and external string data)
 * that exactly one other object owns, over non-weak edges and through other such objects, has its
 * size moved onto that owner, so that a JS array or object shows what it really costs. Sizes only
 * move, so their sum is unchanged. Snapshots without user roots (taken with internals exposed) are
 * left as they are.
 */
final class OwnedSizes {
    private static final int UNVISITED = -1;
    private static final int SEVERAL_OWNERS = -2;

    private OwnedSizes() {
    }

    static void apply(RawSnapshot raw) {
        if (!hasUserRoots(raw)) {
            return;
        }
        int n = raw.nodeCount;
        int hidden = raw.typeIndex("hidden");
        int array = raw.typeIndex("array");
        int nativeType = raw.typeIndex("native");
        int synthetic = raw.typeIndex("synthetic");
        int weak = raw.edgeTypeIndex("weak");
        int[] owners = raw.nodeScratch(0);
        int[] worklist = n >= 16 ? raw.nodeScratch(1) : new int[16];
        int top = 0;
        for (int i = 0; i < n; i++) {
            int type = raw.typeByNode[i];
            boolean ownable = (type == hidden && hidden >= 0) || (type == array && array >= 0)
                    || (type == nativeType && nativeType >= 0 && raw.nodeName(i).equals("system / ExternalStringData"));
            if (ownable) {
                owners[i] = UNVISITED;
            } else {
                owners[i] = i;
                worklist[top++] = i;
            }
        }
        while (top > 0) {
            int id = worklist[--top];
            int owner = owners[id];
            for (int e = raw.firstEdgeByNode[id]; e < raw.firstEdgeByNode[id + 1]; e++) {
                if (raw.typeByEdge[e] == weak && weak >= 0) {
                    continue;
                }
                int target = raw.targetByEdge[e];
                int targetOwner = owners[target];
                if (targetOwner == UNVISITED) {
                    owners[target] = owner;
                } else if (targetOwner != target && targetOwner != owner && targetOwner != SEVERAL_OWNERS) {
                    // Each node is pushed at most twice: once when first owned, once when shared.
                    owners[target] = SEVERAL_OWNERS;
                } else {
                    continue;
                }
                if (top == worklist.length) {
                    worklist = java.util.Arrays.copyOf(worklist, worklist.length * 2);
                }
                worklist[top++] = target;
            }
        }
        long[] sizes = raw.selfSizeByNode;
        for (int i = 0; i < n; i++) {
            int owner = owners[i];
            if (owner < 0 || owner == i) {
                continue;
            }
            if ((raw.typeByNode[owner] == synthetic && synthetic >= 0) || owner == raw.rootOrdinal) {
                continue;
            }
            sizes[owner] += sizes[i];
            sizes[i] = 0;
        }
    }

    /** A user root is a non-synthetic child of the root, or a {@code (Document DOM trees)} one. */
    static boolean hasUserRoots(RawSnapshot raw) {
        int synthetic = raw.typeIndex("synthetic");
        int root = raw.rootOrdinal;
        for (int e = raw.firstEdgeByNode[root]; e < raw.firstEdgeByNode[root + 1]; e++) {
            int target = raw.targetByEdge[e];
            if (raw.typeByNode[target] != synthetic || EssentialEdges.isDocumentDomTreesRoot(raw, target)) {
                return true;
            }
        }
        return false;
    }
}
