package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnStoreTest {
    @TempDir
    Path directory;

    @Test
    void mappedColumnsHoldWhatHeapColumnsHold() {
        ColumnStore mapped = ColumnStore.mappedIn(directory);
        ColumnStore heap = ColumnStore.onHeap();
        int length = 100_003;
        IntColumn mappedInts = mapped.ints("ints", length);
        IntColumn heapInts = heap.ints("ints", length);
        LongColumn mappedLongs = mapped.longs("longs", length);
        LongColumn heapLongs = heap.longs("longs", length);
        ByteColumn mappedBytes = mapped.bytes("bytes", length);
        ByteColumn heapBytes = heap.bytes("bytes", length);
        Random random = new Random(42);
        for (int step = 0; step < 300_000; step++) {
            int i = random.nextInt(length);
            int value = random.nextInt();
            mappedInts.set(i, value);
            heapInts.set(i, value);
            mappedLongs.set(i, value * 31L << 7);
            heapLongs.set(i, value * 31L << 7);
            mappedBytes.set(i, (byte) value);
            heapBytes.set(i, (byte) value);
            mappedInts.getAndAdd(i / 2, 3);
            heapInts.getAndAdd(i / 2, 3);
        }
        for (int i = 0; i < length; i++) {
            assertEquals(heapInts.get(i), mappedInts.get(i));
            assertEquals(heapLongs.get(i), mappedLongs.get(i));
            assertEquals(heapBytes.get(i), mappedBytes.get(i));
        }
        assertTrue(mappedInts.isMapped());
        assertFalse(heapInts.isMapped());
        assertEquals(length * 13L, mapped.mappedBytes());
    }

    @Test
    void freshColumnsAreZeroAndFillSetsARange() {
        IntColumn column = ColumnStore.mappedIn(directory).ints("filled", 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, column.get(i));
        }
        column.fill(10, 20, -1);
        assertEquals(0, column.get(9));
        assertEquals(-1, column.get(10));
        assertEquals(-1, column.get(19));
        assertEquals(0, column.get(20));
    }

    @Test
    void mappedFilesAreGoneFromTheDirectoryOnceMapped() throws IOException {
        ColumnStore store = ColumnStore.mappedIn(directory);
        IntColumn column = store.ints("transient", 1 << 20);
        column.set(1 << 19, 7);
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(0, files.count(), "a crash must leave no index files behind");
        }
        assertEquals(7, column.get(1 << 19));
    }

    @Test
    void scratchColumnsTakeTheHeapWhileTheBudgetLastsAndReleasedOnesGiveItBack() {
        ColumnStore store = ColumnStore.mappedIn(directory, 1000);
        ColumnStore scratch = store.scratch();
        assertTrue(scratch.isMapped());
        assertTrue(store.ints("kept", 10).isMapped(), "kept columns ignore the budget");
        IntColumn first = scratch.ints("first", 200);
        assertFalse(first.isMapped());
        assertTrue(scratch.ints("past-the-budget", 51).isMapped(), "800 of 1000 bytes taken: 204 do not fit");
        ByteColumn small = scratch.bytes("small", 200);
        assertFalse(small.isMapped());
        assertEquals(0, store.scratchHeapBytesLeft());
        scratch.release(first);
        assertEquals(800, store.scratchHeapBytesLeft());
        LongColumn longs = scratch.longs("longs", 100);
        assertFalse(longs.isMapped());
        first = scratch.ints("mapped-after-all", 1);
        assertTrue(first.isMapped());
        scratch.release(first);
        assertEquals(0, store.scratchHeapBytesLeft(), "a mapped column gives back nothing");
        assertEquals(40L + 204 + 4, store.mappedBytes());
        assertTrue(ColumnStore.onHeap().scratch() == ColumnStore.onHeap());
    }

    /**
     * A column built in the scratch view and kept: on the heap while it is written, then a mapped copy with the
     * same values (the bulk copy's walk over pages has its own test below), its heap bytes back in the budget;
     * a column the view mapped, or any column of the heap store, is kept as it is.
     */
    @Test
    void keptScratchColumnsMoveToMappedFilesAndGiveTheirHeapBack() {
        ColumnStore store = ColumnStore.mappedIn(directory, 1000);
        IntColumn built = store.scratch().ints("built", 200);
        assertFalse(built.isMapped());
        assertEquals(200, store.scratchHeapBytesLeft());
        Random random = new Random(7);
        int[] expected = new int[200];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = random.nextInt();
            built.set(i, expected[i]);
        }
        IntColumn kept = store.keep("kept", built);
        assertTrue(kept.isMapped());
        assertEquals(1000, store.scratchHeapBytesLeft(), "the heap column's bytes are back");
        assertEquals(800, store.mappedBytes());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], kept.get(i), "value " + i);
        }
        IntColumn tooLarge = store.scratch().ints("too-large", 300);
        assertTrue(tooLarge.isMapped());
        assertTrue(store.keep("again", tooLarge) == tooLarge, "already mapped: not copied");
        assertEquals(800 + 1200, store.mappedBytes());
        IntColumn onHeap = ColumnStore.onHeap().ints("heap", 3);
        assertTrue(ColumnStore.onHeap().keep("heap", onHeap) == onHeap);
    }

    @Test
    void heapColumnsCopyToMappedOnesAndBackInBulk() {
        ColumnStore mapped = ColumnStore.mappedIn(directory, 0);
        int length = 5000;
        IntColumn heapInts = ColumnStore.onHeap().ints("heap", length);
        ByteColumn heapBytes = ColumnStore.onHeap().bytes("heap", length);
        for (int i = 0; i < length; i++) {
            heapInts.set(i, i * 7 - 3);
            heapBytes.set(i, (byte) (i * 5));
        }
        IntColumn mappedInts = mapped.ints("mapped", length + 10);
        ByteColumn mappedBytes = mapped.bytes("mapped", length + 10);
        heapInts.copyTo(100, mappedInts, 7, length - 100);
        heapBytes.copyTo(100, mappedBytes, 7, length - 100);
        IntColumn backInts = ColumnStore.onHeap().ints("back", length);
        ByteColumn backBytes = ColumnStore.onHeap().bytes("back", length);
        mappedInts.copyTo(7, backInts, 1, length - 100);
        mappedBytes.copyTo(7, backBytes, 1, length - 100);
        for (int i = 0; i < length - 100; i++) {
            assertEquals(heapInts.get(100 + i), mappedInts.get(7 + i));
            assertEquals(heapInts.get(100 + i), backInts.get(1 + i));
            assertEquals(heapBytes.get(100 + i), mappedBytes.get(7 + i));
            assertEquals(heapBytes.get(100 + i), backBytes.get(1 + i));
        }
        assertEquals(0, mappedInts.get(6));
        assertEquals(0, backInts.get(0));
    }

    @Test
    void autoStaysOnTheHeapForSmallDumpsAndMapsWhatTheHeapCannotHold() {
        assertFalse(StorageChoice.choose(StoragePolicy.AUTO, 1024, directory).isMapped());
        long beyondHeap = Runtime.getRuntime().maxMemory() * 2;
        assertTrue(StorageChoice.choose(StoragePolicy.AUTO, beyondHeap, directory).isMapped());
        assertFalse(StorageChoice.choose(StoragePolicy.HEAP, beyondHeap, directory).isMapped());
        assertTrue(StorageChoice.choose(StoragePolicy.MAPPED, 1024, directory).isMapped());
    }
}
