package dev.heapdelta.analyzer.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.store.ColumnStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkedIntQueueTest {
    private static final int CHUNK = ChunkedIntQueue.CHUNK_LENGTH;

    @Test
    void holdsOnlyTheChunksBetweenHeadAndTail() {
        assertHoldsOnlyTheFrontier(ColumnStore.onHeap());
    }

    @Test
    void mappedChunksAreTakenAndGivenBackAlike(@TempDir Path directory) {
        assertHoldsOnlyTheFrontier(ColumnStore.mappedIn(directory));
    }

    private static void assertHoldsOnlyTheFrontier(ColumnStore store) {
        int capacity = 3 * CHUNK + 10;
        ChunkedIntQueue queue = new ChunkedIntQueue(store, "test-queue", capacity);
        assertEquals(0, queue.chunksHeld());
        int tail = 0;
        // A frontier of half a chunk, moving through all four chunks: at most two are ever held.
        for (; tail < CHUNK / 2; tail++) {
            queue.set(tail, tail * 7);
        }
        int head = 0;
        while (head < capacity) {
            assertEquals(head * 7, queue.take(head), "position " + head);
            head++;
            if (tail < capacity) {
                queue.set(tail, tail * 7);
                tail++;
            }
            assertEquals(true, queue.chunksHeld() <= 2, "chunks held at " + head + ": " + queue.chunksHeld());
        }
        assertEquals(1, queue.chunksHeld());
        queue.release();
        assertEquals(0, queue.chunksHeld());
    }
}
