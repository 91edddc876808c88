package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.graph.HeapFormat;

/**
 * The rule that a series is of one format: a JVM's HPROF dumps and V8 snapshots are of two processes,
 * their classes never match, and a diff of them would list every class appearing and disappearing. The
 * CLI refuses a series that breaks it ({@link MixedFormatsException}); the app, where the user chose to add
 * the dump, warns.
 *
 * @param first the series' first (or the previous) snapshot
 * @param next the snapshot of another format
 */
public record FormatMismatch(Snapshot first, Snapshot next) {
    /** The mismatch when {@code next} is not of the format of {@code first}, or null when both are of one. */
    public static FormatMismatch between(Snapshot first, Snapshot next) {
        return first.format() == next.format() ? null : new FormatMismatch(first, next);
    }
}
