package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder until the HPROF reader lands on main. */
public final class HprofReader {
    private HprofReader() {
    }

    public static HeapGraph read(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress)
            throws IOException {
        throw new DumpFormatException(options.displayName(), 0, "HPROF reading is not available in this build");
    }
}
