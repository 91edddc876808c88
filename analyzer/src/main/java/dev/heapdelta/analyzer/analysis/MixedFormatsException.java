package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.graph.HeapFormat;
import java.io.IOException;

/**
 * A series that mixes a JVM's HPROF dumps with V8 snapshots ({@link FormatMismatch}), refused by the CLI
 * as soon as the second format is read, before more analysis is spent.
 */
public final class MixedFormatsException extends IOException {
    private static final long serialVersionUID = 1L;

    private MixedFormatsException(String message) {
        super(message);
    }

    /** Throws when {@code next} is not of the format of {@code first}, the series' first snapshot. */
    public static void check(Snapshot first, Snapshot next) throws MixedFormatsException {
        if (FormatMismatch.between(first, next) != null) {
            throw new MixedFormatsException("cannot compare " + describe(next.format()) + " (" + next.file() + ") with "
                    + describe(first.format()) + " (" + first.file() + "): a series is dumps of one process, taken"
                    + " minutes apart");
        }
    }

    private static String describe(HeapFormat format) {
        return format == HeapFormat.HPROF ? "an HPROF dump" : "a V8 heap snapshot";
    }
}
