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
    void autoStaysOnTheHeapForSmallDumpsAndMapsWhatTheHeapCannotHold() {
        assertFalse(StorageChoice.choose(StoragePolicy.AUTO, 1024, directory).isMapped());
        long beyondHeap = Runtime.getRuntime().maxMemory() * 2;
        assertTrue(StorageChoice.choose(StoragePolicy.AUTO, beyondHeap, directory).isMapped());
        assertFalse(StorageChoice.choose(StoragePolicy.HEAP, beyondHeap, directory).isMapped());
        assertTrue(StorageChoice.choose(StoragePolicy.MAPPED, 1024, directory).isMapped());
    }
}
