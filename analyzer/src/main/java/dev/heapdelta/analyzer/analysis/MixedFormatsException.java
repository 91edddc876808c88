package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.graph.HeapFormat;
import java.io.IOException;

/**
 * A series that mixes a JVM's HPROF dumps with V8 snapshots: they are of two processes, their classes
 * never match, and a diff of them would be a list of every class appearing and disappearing. The CLI
 * refuses such a series as soon as the second format is read, before more analysis is spent; the app,
 * where the user chose to add the dump, warns instead ({@code SameProcessCheck}).
 */
public final class MixedFormatsException extends IOException {
    private static final long serialVersionUID = 1L;

    private MixedFormatsException(String message) {
        super(message);
    }

    /** Throws when {@code next} is not of the format of {@code first}, the series' first snapshot. */
    public static void check(Snapshot first, Snapshot next) throws MixedFormatsException {
        if (first.format() != next.format()) {
            throw new MixedFormatsException("cannot compare " + describe(next.format()) + " (" + next.file() + ") with "
                    + describe(first.format()) + " (" + first.file() + "): a series is dumps of one process, taken"
                    + " minutes apart");
        }
    }

    private static String describe(HeapFormat format) {
        return format == HeapFormat.HPROF ? "an HPROF dump" : "a V8 heap snapshot";
    }
}
