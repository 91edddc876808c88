package dev.heapdelta.app;

import java.util.List;

/**
 * Whether a sized JVM should start G1's concurrent marking only when its heap is nearly full
 * ({@code -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=95}). An analysis allocates its columns
 * as arrays of megabytes, each a humongous allocation, and once the heap is past G1's threshold (45% at
 * first) every one of them starts a marking cycle: 57 cycles, 4.9 s of marking on the second core and 179
 * pauses while {@code summary} analysed the 1.9 GB benchmark dump. They find almost nothing to free: what
 * dies is a dead array, which G1 reclaims at the next young pause without marking, and the live heap only
 * grows until the report. With the threshold at 95% the same run had 3 cycles and 19 pauses, and took 8%
 * less user CPU.
 *
 * <p>Also for the app, whose first open of a dump is that same analysis (42 marking cycles before its overview
 * of the 1.9 GB dump with the defaults, 4 with this threshold): once the dump is analysed its heap changes
 * little, and a heap that fills up still gets a marking or, at worst, a full collection. Not when the user
 * chose G1's threshold.
 */
final class LateConcurrentMarking {
    static final List<String> FLAGS = List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=95");

    private LateConcurrentMarking() {
    }

    /** The flags, or none when {@code jvmArguments} choose the threshold or another collector. */
    static List<String> flagsFor(List<String> jvmArguments) {
        boolean chosen = jvmArguments.stream().anyMatch(argument -> argument.contains("IHOP")
                || argument.contains("InitiatingHeapOccupancyPercent")
                || argument.startsWith("-XX:+Use") && argument.endsWith("GC") && !argument.equals("-XX:+UseG1GC"));
        return chosen ? List.of() : FLAGS;
    }
}
