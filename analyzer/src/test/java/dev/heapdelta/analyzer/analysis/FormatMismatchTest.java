package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-format rule on the bundled example dumps: a JVM's dumps go together, a Node snapshot does not. */
class FormatMismatchTest {
    private static final Path SAMPLES = TestEnvironment.repositoryRoot().resolve("sample-dumps");

    @TempDir
    Path cache;

    private Snapshot load(String sample) throws IOException {
        Path file = SAMPLES.resolve(sample);
        return SnapshotLoader.loadUnsaved(file, file.toString(),
                AnalysisOptions.defaults().withIndexCache(false).withCacheDirectory(cache), CancelSignal.NEVER,
                ProgressListener.NONE);
    }

    @Test
    void dumpsOfOneFormatMakeASeriesAndAnotherFormatIsTheMismatchBothSidesSee() throws IOException {
        try (Snapshot java0 = load("java/leaks-t0.hprof.gz"); Snapshot java1 = load("java/leaks-t1.hprof.gz");
                Snapshot node0 = load("node/leaks-t0.heapsnapshot.gz")) {
            assertNull(FormatMismatch.between(java0, java1));
            MixedFormatsException.check(java0, java1);

            FormatMismatch mismatch = FormatMismatch.between(java0, node0);
            assertEquals(HeapFormat.HPROF, mismatch.first().format());
            assertEquals(HeapFormat.V8, mismatch.next().format());
            assertEquals(new FormatMismatch(node0, java0), FormatMismatch.between(node0, java0));
            MixedFormatsException refused = assertThrows(MixedFormatsException.class,
                    () -> MixedFormatsException.check(java0, node0));
            assertEquals("cannot compare a V8 heap snapshot (" + node0.file() + ") with an HPROF dump (" + java0.file()
                    + "): a series is dumps of one process, taken minutes apart", refused.getMessage());
        }
    }
}
