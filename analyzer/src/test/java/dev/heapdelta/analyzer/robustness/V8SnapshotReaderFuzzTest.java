package dev.heapdelta.analyzer.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heapdelta.analyzer.v8.V8SnapshotReader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;

/**
 * Jazzer fuzz target of the V8 snapshot reader. In a normal build it replays the seed and regression
 * inputs under {@code V8SnapshotReaderFuzzTestInputs}; with {@code -Pfuzz} it fuzzes for a fixed time.
 */
class V8SnapshotReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anyBytesReadAsAGraphOrATypedError(byte[] bytes) throws IOException {
        FuzzedDumps.readAndAnalyse(bytes,
                (file, options) -> V8SnapshotReader.read(file, options, CancelSignal.NEVER, ProgressListener.NONE));
    }
}
