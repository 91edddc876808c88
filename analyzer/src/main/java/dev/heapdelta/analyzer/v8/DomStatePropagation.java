package dev.heapdelta.analyzer.v8;

import java.util.HashMap;
import java.util.Map;

/**
 * DevTools' "propagate DOM state" pass: embedder (native) nodes reachable from an attached one are
 * attached, the rest reachable from a detached one are detached and renamed {@code Detached <name>}.
 * It runs only when the snapshot has a {@code detachedness} column, and never crosses JS nodes.
 */
final class DomStatePropagation {
    static final byte UNKNOWN = 0;
    static final byte ATTACHED = 1;
    static final byte DETACHED = 2;

    private final RawSnapshot raw;
    private final int nativeType;
    private final boolean[] visited;
    private final int[] attached;
    private final int[] detached;
    private int attachedTop;
    private int detachedTop;
    private final Map<Integer, Integer> detachedNameByName = new HashMap<>();

    private DomStatePropagation(RawSnapshot raw) {
        this.raw = raw;
        this.nativeType = raw.typeIndex("native");
        this.visited = new boolean[raw.nodeCount];
        // Stacks: each node is pushed at most once (visited), and only pushed slots are read.
        this.attached = raw.nodeScratch(0);
        this.detached = raw.nodeScratch(1);
    }

    static void apply(RawSnapshot raw) {
        if (raw.detachednessByNode == null) {
            return;
        }
        new DomStatePropagation(raw).run();
    }

    private void run() {
        byte[] state = raw.detachednessByNode;
        for (int node = 0; node < raw.nodeCount; node++) {
            if (state[node] != UNKNOWN) {
                process(node, state[node]);
            }
        }
        while (attachedTop > 0) {
            propagate(attached[--attachedTop], ATTACHED);
        }
        while (detachedTop > 0) {
            int node = detached[--detachedTop];
            if (state[node] == ATTACHED) {
                continue;
            }
            propagate(node, DETACHED);
        }
    }

    private void process(int node, byte newState) {
        if (visited[node]) {
            return;
        }
        visited[node] = true;
        if (raw.typeByNode[node] != nativeType || nativeType < 0) {
            return;
        }
        raw.detachednessByNode[node] = newState;
        if (newState == ATTACHED) {
            attached[attachedTop++] = node;
        } else if (newState == DETACHED) {
            int oldName = raw.nameByNode[node];
            Integer renamed = detachedNameByName.get(oldName);
            if (renamed == null) {
                raw.strings.add("Detached " + raw.string(oldName));
                renamed = raw.strings.size() - 1;
                detachedNameByName.put(oldName, renamed);
            }
            raw.nameByNode[node] = renamed;
            detached[detachedTop++] = node;
        }
    }

    private void propagate(int parent, byte newState) {
        int hidden = raw.edgeTypeIndex("hidden");
        int weak = raw.edgeTypeIndex("weak");
        for (int e = raw.firstEdgeByNode[parent]; e < raw.firstEdgeByNode[parent + 1]; e++) {
            int type = raw.typeByEdge[e];
            if (type == hidden || type == weak || type < 0) {
                continue;
            }
            process(raw.targetByEdge[e], newState);
        }
    }
}
