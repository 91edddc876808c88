package dev.heapdelta.app.pdf;

/**
 * Told how far report writing has come, from any thread the writer runs on: a JavaFX {@code Task}
 * forwards this to {@code updateProgress} and {@code updateMessage}.
 */
@FunctionalInterface
public interface ReportProgress {
    ReportProgress NONE = (done, step) -> {
    };

    /**
     * @param done the share of the work done, 0 to 1
     * @param step what is being written, for a status line
     */
    void update(double done, String step);
}
