package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder until the V8 reader lands on main. */
public final class V8SnapshotReader {
    private V8SnapshotReader() {
    }

    public static HeapGraph read(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress)
            throws IOException {
        throw new DumpFormatException(options.displayName(), 0, "V8 reading is not available in this build");
    }
}
