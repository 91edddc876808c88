package dev.heapdelta.analyzer.analysis;

/** Wall time per analysis phase, in milliseconds, as the JSON {@code timingsMs} reports them. */
public record PhaseTimings(long readMillis, long graphMillis, long dominatorsMillis, long histogramMillis,
        long totalMillis) {
}
