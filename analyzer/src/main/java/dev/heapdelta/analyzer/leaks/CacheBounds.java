package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;

/**
 * A cache's configured maximum and its current weight, as the dump holds them: Guava's
 * {@code LocalCache.maxWeight} and its segments' {@code totalWeight}, Caffeine's {@code maximum} and
 * {@code weightedSize}. With the default weigher the weight is the entry count. A cache that has a
 * maximum evicts to stay at or below it, so its growth is a cache warming up, not a leak.
 *
 * @param maximum the configured maximum weight, or -1 when the cache has none (or is no cache)
 * @param weight the current total weight, or -1 where unknown
 */
public record CacheBounds(long maximum, long weight) {
    public static final CacheBounds NONE = new CacheBounds(-1, -1);
    /** "Close to its maximum": the card says so from this share on. */
    static final double CLOSE = 0.9;

    public boolean isBounded() {
        return maximum >= 0;
    }

    public boolean isClose() {
        return isBounded() && weight >= CLOSE * maximum;
    }

    static CacheBounds of(HeapGraph graph, int object, String family) {
        ObjectFields fields = ObjectFields.of(graph, object);
        return switch (family) {
            case "com.google.common.cache.LocalCache$LocalManualCache",
                    "com.google.common.cache.LocalCache$LocalLoadingCache" -> {
                int cache = fields.reference("localCache");
                yield cache < 0 ? NONE : guava(graph, ObjectFields.of(graph, cache));
            }
            case "com.google.common.cache.LocalCache" -> guava(graph, fields);
            case "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache",
                    "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalLoadingCache" -> {
                int cache = fields.reference("cache");
                yield cache < 0 ? NONE : caffeine(ObjectFields.of(graph, cache));
            }
            case "com.github.benmanes.caffeine.cache.BoundedLocalCache" -> caffeine(fields);
            default -> NONE;
        };
    }

    /** {@code maxWeight} is -1 (UNSET_INT) when no maximum was configured. */
    private static CacheBounds guava(HeapGraph graph, ObjectFields cache) {
        long maximum = cache.number("maxWeight");
        if (maximum == ObjectFields.MISSING || maximum < 0) {
            return NONE;
        }
        long weight = 0;
        int segments = cache.reference("segments");
        if (segments >= 0) {
            for (int e = graph.firstEdge(segments); e < graph.endEdge(segments); e++) {
                if (graph.edgeKind(e) == EdgeKind.ARRAY_ELEMENT) {
                    long segmentWeight = ObjectFields.of(graph, graph.edgeTarget(e)).number("totalWeight");
                    weight += segmentWeight == ObjectFields.MISSING ? 0 : segmentWeight;
                }
            }
        }
        return new CacheBounds(maximum, weight);
    }

    /** Only Caffeine's generated classes of caches with a maximum have the {@code maximum} field. */
    private static CacheBounds caffeine(ObjectFields cache) {
        long maximum = cache.number("maximum");
        if (maximum == ObjectFields.MISSING) {
            return NONE;
        }
        long weight = cache.number("weightedSize");
        return new CacheBounds(maximum, weight == ObjectFields.MISSING ? -1 : weight);
    }
}
