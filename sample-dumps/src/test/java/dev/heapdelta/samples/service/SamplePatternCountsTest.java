package dev.heapdelta.samples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.Examples;
import dev.heapdelta.samples.JsonTree;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Runs the sample service in this JVM and measures its containers against the bundled manifest. */
class SamplePatternCountsTest {
    private static final long WEAK_KEYS_CLEARED_WITHIN_MILLIS = 10_000;

    @Test
    @SuppressWarnings("unchecked")
    void everyPatternHoldsWhatTheManifestSaysAtEveryMoment() throws IOException, InterruptedException {
        Map<String, Object> manifest = (Map<String, Object>) JsonTree.parse(
                Examples.manifestJson(Examples.Platform.JAVA).orElseThrow());
        List<Map<String, Object>> snapshots = (List<Map<String, Object>>) manifest.get("snapshots");
        List<Map<String, Object>> patterns = (List<Map<String, Object>>) manifest.get("patterns");
        Map<String, LongSupplier> measured = measuredSizes();
        assertEquals(measured.keySet(), patterns.stream().map(SamplePatternCountsTest::fieldOf)
                .collect(java.util.stream.Collectors.toSet()), "the manifest's patterns are the ones measured here");

        SampleService service = SampleService.start();
        for (int moment = 0; moment < snapshots.size(); moment++) {
            service.serveUntil(((Long) snapshots.get(moment).get("requests")).intValue());
            awaitDeadRequestKeysCleared();
            for (Map<String, Object> pattern : patterns) {
                List<Long> elements = (List<Long>) pattern.get("elements");
                assertEquals(elements.get(moment), measured.get(fieldOf(pattern)).getAsLong(),
                        fieldOf(pattern) + " at " + snapshots.get(moment).get("label"));
            }
        }
        assertTrue(SessionStore.CACHE.values().stream()
                .allMatch(session -> session.token().startsWith((String) manifest.get("secretMarker"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaredTrendsFollowTheManifestCounts() throws IOException {
        Map<String, Object> manifest = (Map<String, Object>) JsonTree.parse(
                Examples.manifestJson(Examples.Platform.JAVA).orElseThrow());
        for (Map<String, Object> pattern : (List<Map<String, Object>>) manifest.get("patterns")) {
            List<Long> elements = (List<Long>) pattern.get("elements");
            boolean growing = true;
            for (int i = 1; i < elements.size(); i++) {
                growing &= elements.get(i) > elements.get(i - 1);
            }
            boolean flat = elements.stream().distinct().count() == 1;
            String expected = growing ? "growing" : flat ? "flat" : "other";
            assertEquals(expected, pattern.get("expectedTrend"), fieldOf(pattern));
            assertEquals(growing, pattern.get("leak"), fieldOf(pattern));
        }
    }

    private static Map<String, LongSupplier> measuredSizes() {
        Map<String, LongSupplier> sizes = new LinkedHashMap<>();
        sizes.put("SessionStore.CACHE", SessionStore.CACHE::size);
        sizes.put("EventBus.LISTENERS", EventBus.LISTENERS::size);
        sizes.put("WorkQueue.PENDING", WorkQueue.PENDING::size);
        sizes.put("UserCache.CACHE", UserCache.CACHE::size);
        sizes.put("BoundedCache.CACHE", BoundedCache.CACHE::size);
        sizes.put("Interner.WEAK", () -> liveWeakKeys().size());
        sizes.put("ConnectionPool.CONNECTIONS", ConnectionPool.CONNECTIONS::size);
        return sizes;
    }

    /** Iterating a WeakHashMap skips entries whose key has been cleared, which is the count the manifest means. */
    private static List<String> liveWeakKeys() {
        return List.copyOf(Interner.WEAK.values());
    }

    /** A dump with live=true runs a full GC first; here the same is asked for until the requests' keys are gone. */
    private static void awaitDeadRequestKeysCleared() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WEAK_KEYS_CLEARED_WITHIN_MILLIS;
        while (liveWeakKeys().stream().anyMatch(label -> label.startsWith("request-"))
                && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
    }

    private static String fieldOf(Map<String, Object> pattern) {
        String className = (String) pattern.get("class");
        return className.substring(className.lastIndexOf('.') + 1) + "." + pattern.get("staticField");
    }
}
