package dev.heapdelta.analyzer.v8;

import java.util.Arrays;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edges DevTools leaves out of its dominator tree beyond weak and non-root shortcut edges (which
 * {@code RetentionRule.devTools} already knows by kind): a WeakMap table's edge to a value (the key's
 * edge retains it instead), self edges, and edges from objects the page does not own into objects it
 * does (what the debugger or the runtime holds must not change the page's dominators).
 */
final class EssentialEdges {
    private static final Pattern WEAK_MAP_EDGE = Pattern.compile(
            "^\\d+ / part of key \\(.*? @\\d+\\) -> value \\(.*? @\\d+\\) pair in WeakMap \\(table @(\\d+)\\)$");
    private static final long NOT_PARSED = -2;
    private static final long NO_TABLE = -1;

    private EssentialEdges() {
    }

    /** Bit {@code e} set: edge {@code e} never retains. */
    static long[] neverRetainingEdges(RawSnapshot raw, BitSet pageOwned) {
        long[] bits = new long[(raw.edgeCount + 63) >>> 6];
        int internal = raw.edgeTypeIndex("internal");
        long[] tableIdByString = new long[raw.strings.size()];
        Arrays.fill(tableIdByString, NOT_PARSED);
        int root = raw.rootOrdinal;
        for (int node = 0; node < raw.nodeCount; node++) {
            boolean sourceOwned = pageOwned.get(node);
            for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
                int target = raw.targetByEdge[e];
                boolean never = target == node;
                if (!never && raw.typeByEdge[e] == internal && internal >= 0) {
                    never = weakMapTableId(raw, raw.nameOrIndexByEdge[e], tableIdByString) == raw.idByNode[node];
                }
                if (!never && node != root) {
                    never = pageOwned.get(target) && !sourceOwned;
                }
                if (never) {
                    bits[e >>> 6] |= 1L << e;
                }
            }
        }
        return bits;
    }

    private static long weakMapTableId(RawSnapshot raw, int nameIndex, long[] tableIdByString) {
        if (nameIndex < 0 || nameIndex >= tableIdByString.length) {
            return NO_TABLE;
        }
        long cached = tableIdByString[nameIndex];
        if (cached == NOT_PARSED) {
            String name = raw.string(nameIndex);
            cached = NO_TABLE;
            if (name.contains("pair in WeakMap")) {
                Matcher match = WEAK_MAP_EDGE.matcher(name);
                if (match.matches()) {
                    try {
                        cached = Long.parseLong(match.group(1));
                    } catch (NumberFormatException e) {
                        cached = NO_TABLE;
                    }
                }
            }
            tableIdByString[nameIndex] = cached;
        }
        return cached;
    }

    /**
     * DevTools' page-owned objects: everything reachable over non-weak edges from the root's shortcut
     * targets (the user global objects) and from its {@code (Document DOM trees)} element children.
     */
    static BitSet pageOwned(RawSnapshot raw) {
        BitSet owned = new BitSet(raw.nodeCount);
        int shortcut = raw.edgeTypeIndex("shortcut");
        int element = raw.edgeTypeIndex("element");
        int weak = raw.edgeTypeIndex("weak");
        // Its own growing stack, not the shared scratch: this pass runs beside the others.
        int[] stack = new int[Math.min(raw.nodeCount, 1 << 16)];
        int top = 0;
        int root = raw.rootOrdinal;
        for (int e = raw.firstEdgeByNode[root]; e < raw.firstEdgeByNode[root + 1]; e++) {
            int type = raw.typeByEdge[e];
            int target = raw.targetByEdge[e];
            if (type == element && element >= 0) {
                if (!isDocumentDomTreesRoot(raw, target)) {
                    continue;
                }
            } else if (type != shortcut || shortcut < 0) {
                continue;
            }
            if (top < raw.nodeCount) {
                stack = pushed(stack, top++, target);
            }
            owned.set(target);
        }
        while (top > 0) {
            int node = stack[--top];
            for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
                int target = raw.targetByEdge[e];
                if (owned.get(target) || raw.typeByEdge[e] == weak) {
                    continue;
                }
                owned.set(target);
                stack = pushed(stack, top++, target);
            }
        }
        return owned;
    }

    private static int[] pushed(int[] stack, int slot, int node) {
        int[] result = slot < stack.length ? stack : java.util.Arrays.copyOf(stack, Math.max(16, stack.length * 2));
        result[slot] = node;
        return result;
    }

    static boolean isDocumentDomTreesRoot(RawSnapshot raw, int node) {
        return raw.typeByNode[node] == raw.typeIndex("synthetic") && raw.nodeName(node).equals("(Document DOM trees)");
    }
}
