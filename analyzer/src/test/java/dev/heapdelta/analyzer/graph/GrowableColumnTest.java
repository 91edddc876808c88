package dev.heapdelta.analyzer.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growable columns keep every value across the doubling first chunk and the fixed-size ones after. */
class GrowableColumnTest {
    private static final int PAST_TWO_CHUNKS = 2 * GrowableColumn.CHUNK_SIZE + 77;

    @TempDir
    Path columns;

    @Test
    void valuesSurviveGrowthOnTheHeapAndMapped() {
        for (ColumnStore store : new ColumnStore[] {ColumnStore.onHeap(), ColumnStore.mappedIn(columns),
                ColumnStore.mappedIn(columns, 6L << 20).scratch()}) {
            GrowableIntColumn ints = new GrowableIntColumn(store, "ints");
            GrowableLongColumn longs = new GrowableLongColumn(store, "longs");
            GrowableByteColumn bytes = new GrowableByteColumn(store, "bytes");
            for (int i = 0; i < PAST_TWO_CHUNKS; i++) {
                ints.add(i * 3);
                longs.add(i * (1L << 33));
                bytes.add((byte) i);
            }
            assertEquals(PAST_TWO_CHUNKS, ints.size());
            for (int i = 0; i < PAST_TWO_CHUNKS; i += 997) {
                assertEquals(i * 3, ints.get(i));
                assertEquals(i * (1L << 33), longs.get(i));
                assertEquals((byte) i, bytes.get(i));
            }
            int[] all = ints.toArray();
            assertEquals(PAST_TWO_CHUNKS, all.length);
            assertEquals(3 * (PAST_TWO_CHUNKS - 1), all[PAST_TWO_CHUNKS - 1]);
            assertEquals((byte) (PAST_TWO_CHUNKS - 1), bytes.toColumn("all").get(PAST_TWO_CHUNKS - 1));
            assertEquals((PAST_TWO_CHUNKS - 1) * (1L << 33), longs.toArray()[PAST_TWO_CHUNKS - 1]);
        }
    }

    @Test
    void copyToCrossesAChunkBoundary() {
        GrowableIntColumn ints = new GrowableIntColumn();
        for (int i = 0; i < GrowableColumn.CHUNK_SIZE + 10; i++) {
            ints.add(i);
        }
        IntColumn target = IntColumn.wrap(new int[8]);
        ints.copyTo(GrowableColumn.CHUNK_SIZE - 3, target, 1, 6);
        int c = GrowableColumn.CHUNK_SIZE;
        assertArrayEquals(new int[] {0, c - 3, c - 2, c - 1, c, c + 1, c + 2, 0}, valuesOf(target));
    }

    @Test
    void aShortListStaysSmallAndClearEmptiesIt() {
        GrowableByteColumn bytes = new GrowableByteColumn();
        for (int i = 0; i < 100; i++) {
            bytes.add((byte) (i % 7));
        }
        assertEquals(100, bytes.toArray().length);
        assertEquals((byte) (99 % 7), bytes.get(99));
        bytes.clear();
        assertEquals(0, bytes.size());
        bytes.add((byte) 5);
        assertArrayEquals(new byte[] {5}, bytes.toArray());
    }

    private static int[] valuesOf(IntColumn column) {
        int[] values = new int[column.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.get(i);
        }
        return values;
    }
}
