package dev.heapdelta.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sized JVM of a command marks its heap concurrently only when nearly full, unless the user chose otherwise. */
class LateConcurrentMarkingTest {
    @Test
    void g1MarksOnlyANearlyFullHeapUnlessTheUserChoseTheThresholdOrAnotherCollector() {
        List<String> late = List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=95");
        assertEquals(late, LateConcurrentMarking.flagsFor(List.of()));
        assertEquals(late, LateConcurrentMarking.flagsFor(List.of("-Xss1m", "-XX:+UseG1GC")));
        for (String chosen : List.of("-XX:InitiatingHeapOccupancyPercent=30", "-XX:+G1UseAdaptiveIHOP",
                "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseSerialGC", "-XX:+UseShenandoahGC")) {
            assertEquals(List.of(), LateConcurrentMarking.flagsFor(List.of("-Xss1m", chosen)), chosen);
        }
    }
}
