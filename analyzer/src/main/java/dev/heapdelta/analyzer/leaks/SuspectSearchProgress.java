package dev.heapdelta.analyzer.leaks;

/**
 * How far the search for a series' suspects is, in steps of unequal length: a detector of a series, or a
 * stage of one snapshot's analysis. The total may grow as the search learns how many retainers it follows.
 */
@FunctionalInterface
public interface SuspectSearchProgress {
    SuspectSearchProgress NONE = (done, total) -> { };

    void stepsDone(int done, int total);
}
