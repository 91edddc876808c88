package dev.heapdelta.analyzer.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heapdelta.analyzer.hprof.HprofReader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;

/**
 * Jazzer fuzz target of the HPROF reader. In a normal build it replays the seed and regression
 * inputs under {@code HprofReaderFuzzTestInputs}; with {@code -Pfuzz} it fuzzes for a fixed time.
 */
class HprofReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anyBytesReadAsAGraphOrATypedError(byte[] bytes) throws IOException {
        FuzzedDumps.readAndAnalyse(bytes,
                (file, options) -> HprofReader.read(file, options, CancelSignal.NEVER, ProgressListener.NONE));
    }
}
