package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageChoiceTest {
    private static final int CHUNK = 256 * 1024;
    private static final long GARBAGE = 512L * 1024 * 1024;

    @TempDir
    Path directory;

    /** Chunks below G1's humongous size, so that they are ordinary objects a young collection may promote. */
    private static long makeGarbage() {
        byte[][] chunks = new byte[(int) (GARBAGE / CHUNK)][];
        long sum = 0;
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[CHUNK];
            chunks[i][i % CHUNK] = 1;
            sum += chunks[i].length;
        }
        return sum;
    }

    @Test
    void aDumpThatFitsOnceTheGarbageIsCollectedStaysOnTheHeap() {
        long garbage = makeGarbage();
        // What the heap in use says is free while the garbage is still in it, and an estimate above that,
        // by half the garbage: it fits only once the garbage is collected.
        long freeBesideTheGarbage = StorageChoice.availableHeapBytes();
        long estimate = freeBesideTheGarbage + garbage / 2;
        ColumnStore store = StorageChoice.choose(StoragePolicy.AUTO, estimate, directory);
        assertFalse(store.isMapped(), "an estimate of " + estimate + " bytes, with " + garbage
                + " bytes of garbage in the heap, was sent out of core");
    }

    @Test
    void aDumpLargerThanTheWholeHeapGoesOutOfCore() {
        long beyondTheHeap = Runtime.getRuntime().maxMemory() + 1;
        assertTrue(StorageChoice.choose(StoragePolicy.AUTO, beyondTheHeap, directory).isMapped());
    }
}
