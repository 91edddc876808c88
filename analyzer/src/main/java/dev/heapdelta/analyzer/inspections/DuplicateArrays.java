package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Primitive arrays with the same type, length and contents (MAT's "duplicate arrays"), where all but one
 * copy is waste; and arrays whose every element is zero. Contents are compared by SHA-256, so two
 * groups never merge by accident. HPROF only: V8 snapshots keep no array contents.
 * Performance: reads every reachable primitive array once.
 */
public final class DuplicateArrays {
    private DuplicateArrays() {
    }

    /**
     * @param digest the SHA-256 of the contents, in hex, which tells groups of one class and length apart
     */
    public record Group(String className, long length, String digest, long count, long shallowBytes,
            long wastedBytes, int sample) {
    }

    /** Zero-filled arrays of one class. */
    public record ZeroFilled(String className, long count, long shallowBytes, int sample) {
    }

    public record Result(List<Group> duplicates, List<ZeroFilled> zeroFilled) {
    }

    public static Result of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        MessageDigest sha256 = sha256();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, long[]> zeros = new LinkedHashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.kindOf(o) != ObjectKind.PRIMITIVE_ARRAY || !snapshot.dominatorTree().isReachable(o)) {
                continue;
            }
            byte[] contents = graph.details().primitiveArrayBytes(o);
            if (contents == null || contents.length == 0) {
                continue;
            }
            String className = graph.classNameOf(o);
            long length = graph.details().arrayLength(o);
            long size = graph.shallowSizeOf(o);
            if (allZero(contents)) {
                int sample = o;
                long[] figures = zeros.computeIfAbsent(className, k -> new long[] {0, 0, sample});
                figures[0]++;
                figures[1] += size;
            }
            String digest = HexFormat.of().formatHex(sha256.digest(contents));
            String key = className + "\u0000" + length + "\u0000" + digest;
            Group known = groups.get(key);
            groups.put(key, known == null ? new Group(className, length, digest, 1, size, 0, o)
                    : new Group(className, length, digest, known.count() + 1, known.shallowBytes() + size,
                            known.wastedBytes() + size, known.sample()));
        }
        List<Group> duplicates = new ArrayList<>();
        for (Group group : groups.values()) {
            if (group.count() > 1) {
                duplicates.add(group);
            }
        }
        duplicates.sort(Comparator.comparingLong(Group::wastedBytes).reversed().thenComparing(Group::className)
                .thenComparingLong(Group::length).thenComparing(Group::digest));
        List<ZeroFilled> zeroFilled = new ArrayList<>();
        zeros.forEach((className, f) -> zeroFilled.add(new ZeroFilled(className, f[0], f[1], (int) f[2])));
        zeroFilled.sort(Comparator.comparingLong(ZeroFilled::shallowBytes).reversed()
                .thenComparing(ZeroFilled::className));
        return new Result(duplicates, zeroFilled);
    }

    private static boolean allZero(byte[] contents) {
        ByteBuffer buffer = ByteBuffer.wrap(contents);
        while (buffer.remaining() >= 8) {
            if (buffer.getLong() != 0) {
                return false;
            }
        }
        while (buffer.hasRemaining()) {
            if (buffer.get() != 0) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256; reaching this is a broken runtime.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
