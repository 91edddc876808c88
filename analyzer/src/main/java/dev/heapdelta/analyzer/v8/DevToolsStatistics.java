package dev.heapdelta.analyzer.v8;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DevTools' statistics, computed on the sizes after {@link OwnedSizes}: {@code total} (every self
 * size plus {@code extra_native_bytes}), {@code native} (native nodes plus the extra bytes) with
 * {@code typedArrays}, {@code v8heap} (total minus native), {@code code}, {@code strings}, {@code
 * jsArrays} (an {@code Array} plus its elements store when nothing else refers to it) and {@code
 * system} (hidden objects).
 */
final class DevToolsStatistics {
    private DevToolsStatistics() {
    }

    static Map<String, Long> of(RawSnapshot raw) {
        int hidden = raw.typeIndex("hidden");
        int nativeType = raw.typeIndex("native");
        int code = raw.typeIndex("code");
        int string = raw.typeIndex("string");
        int consString = raw.typeIndex("concatenated string");
        int slicedString = raw.typeIndex("sliced string");
        int internal = raw.edgeTypeIndex("internal");
        int[] retainerCount = raw.nodeScratch(0);
        java.util.Arrays.fill(retainerCount, 0);
        for (int e = 0; e < raw.edgeCount; e++) {
            retainerCount[raw.targetByEdge[e]]++;
        }
        long[] sizes = raw.selfSizeByNode;
        long total = raw.meta.extraNativeBytes();
        long sizeNative = raw.meta.extraNativeBytes();
        long typedArrays = 0;
        long sizeCode = 0;
        long strings = 0;
        long jsArrays = 0;
        long system = 0;
        for (int node = 0; node < raw.nodeCount; node++) {
            long size = sizes[node];
            total += size;
            int type = raw.typeByNode[node];
            if (type < 0) {
                if (raw.nodeName(node).equals("Array")) {
                    jsArrays += arraySize(raw, node, internal, retainerCount);
                }
                continue;
            }
            if (type == hidden) {
                system += size;
            } else if (type == nativeType) {
                sizeNative += size;
                if (raw.nodeName(node).equals("system / JSArrayBufferData")) {
                    typedArrays += size;
                }
            } else if (type == code) {
                sizeCode += size;
            } else if (type == consString || type == slicedString || type == string) {
                strings += size;
            } else if (raw.nodeName(node).equals("Array")) {
                jsArrays += arraySize(raw, node, internal, retainerCount);
            }
        }
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("total", total);
        result.put("native", sizeNative);
        result.put("typedArrays", typedArrays);
        result.put("v8heap", total - sizeNative);
        result.put("code", sizeCode);
        result.put("strings", strings);
        result.put("jsArrays", jsArrays);
        result.put("system", system);
        return result;
    }

    private static long arraySize(RawSnapshot raw, int node, int internal, int[] retainerCount) {
        long size = raw.selfSizeByNode[node];
        for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
            if (raw.typeByEdge[e] != internal || !raw.string(raw.nameOrIndexByEdge[e]).equals("elements")) {
                continue;
            }
            int elements = raw.targetByEdge[e];
            if (retainerCount[elements] == 1) {
                size += raw.selfSizeByNode[elements];
            }
            break;
        }
        return size;
    }
}
