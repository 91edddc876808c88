package dev.heapdelta.analyzer.source;

/** The phases of one dump's analysis, in the order they run. */
public enum AnalysisPhase {
    INFLATE("Decompressing"),
    SCAN("Scanning records"),
    GRAPH("Building the object graph"),
    DOMINATORS("Computing dominators"),
    RETAINED_SIZES("Computing retained sizes"),
    HISTOGRAM("Building the class histogram"),
    DONE("Done");

    private final String description;

    AnalysisPhase(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
