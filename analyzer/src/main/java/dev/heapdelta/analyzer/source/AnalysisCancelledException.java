package dev.heapdelta.analyzer.source;

/** Thrown from inside a long loop once the user has cancelled the analysis. */
public final class AnalysisCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisCancelledException() {
        super("analysis cancelled");
    }
}
