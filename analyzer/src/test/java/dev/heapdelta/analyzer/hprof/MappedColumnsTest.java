package dev.heapdelta.analyzer.hprof;

import static dev.heapdelta.analyzer.testing.SameGraph.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.StorageChoice;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The out-of-core mode: the same HPROF graph whether its columns are on the heap or mapped. */
class MappedColumnsTest {
    @TempDir
    Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"sample-dumps/java/leaks-t0.hprof.gz", "sample-dumps/java/leaks-t2.hprof.gz"})
    void sampleDumpGivesTheSameGraphInMappedColumnsAsOnTheHeap(String relative) throws IOException {
        compareHeapAndMapped(TestEnvironment.repositoryRoot().resolve(relative));
    }

    @Test
    void dumpOfThisJvmGivesTheSameGraphInMappedColumnsAsOnTheHeap() throws IOException {
        List<int[]> heldWhileDumping = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            heldWhileDumping.add(new int[i % 50]);
        }
        Path file = cache.resolve("live.hprof");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        assertEquals(1_000, heldWhileDumping.size());
        compareHeapAndMapped(file);
    }

    private void compareHeapAndMapped(Path file) throws IOException {
        try (HeapGraph onHeap = read(file, StoragePolicy.HEAP); HeapGraph mapped = read(file, StoragePolicy.MAPPED)) {
            assertFalse(onHeap.store().isMapped());
            assertTrue(mapped.store().isMapped());
            assertTrue(mapped.store().mappedBytes() > 25L * mapped.objectCount(),
                    "every per-object column is mapped: " + mapped.store().mappedBytes() + " bytes");
            assertTrue(mapped.store().directory().startsWith(cache));
            assertSameGraph(onHeap, mapped);
            for (int o = 0; o < Math.min(2_000, onHeap.objectCount()); o++) {
                assertEquals(onHeap.details().label(o), mapped.details().label(o));
                for (int e = onHeap.firstEdge(o); e < onHeap.endEdge(o); e++) {
                    assertEquals(onHeap.details().edgeName(e), mapped.details().edgeName(e));
                }
            }
        }
    }

    private HeapGraph read(Path file, StoragePolicy storage) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.toString(), 0, cache, storage), CancelSignal.NEVER,
                ProgressListener.NONE);
    }

    @Test
    void footprintEstimateGrowsWithObjectsAndEdgesAndIncomingEdges() {
        long base = HprofFootprint.estimatedPeakBytes(1_000_000, 2_000_000, false);
        assertEquals(37_000_000L + 10_000_000L, base);
        assertTrue(HprofFootprint.estimatedPeakBytes(2_000_000, 2_000_000, false) > base);
        assertTrue(HprofFootprint.estimatedPeakBytes(1_000_000, 3_000_000, false) > base);
        assertEquals(base + 4_000_000L + 16_000_000L, HprofFootprint.estimatedPeakBytes(1_000_000, 2_000_000, true));
    }

    @Test
    void autoPutsTheColumnsOutOfCoreOnlyWhenTheEstimateExceedsTheFreeHeap() {
        // Beyond even an empty heap: the free heap, garbage collected, could not hold it either.
        long objectsBeyondTheHeap = Runtime.getRuntime().maxMemory() / HprofFootprint.BYTES_PER_OBJECT + 1;
        ColumnStore big = StorageChoice.choose(StoragePolicy.AUTO,
                HprofFootprint.estimatedPeakBytes(objectsBeyondTheHeap, 0, false), cache.resolve("columns"));
        assertTrue(big.isMapped());
        ColumnStore small = StorageChoice.choose(StoragePolicy.AUTO,
                HprofFootprint.estimatedPeakBytes(1_000, 2_000, false), cache.resolve("columns"));
        assertFalse(small.isMapped());
    }
}
