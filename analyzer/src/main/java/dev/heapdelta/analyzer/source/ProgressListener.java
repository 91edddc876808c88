package dev.heapdelta.analyzer.source;

/** Receives progress from a long analysis; called from the analysing thread, so keep it cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param done work done in this phase, in the phase's unit (bytes while reading, objects after)
     * @param total the total in the same unit, or -1 when unknown
     */
    void progress(AnalysisPhase phase, long done, long total);
}
