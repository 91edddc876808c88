package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeCollectorTest {
    /** Enough objects for more than one 1 M-edge chunk. */
    private static final int OBJECTS = 400_000;

    @TempDir
    Path columns;

    @Test
    void objectsInAscendingOrderGiveTheSameCsrAsAPlainSort() {
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            order.add(o);
        }
        // A few class objects first, then everything else ascending, as a HotSpot dump lists them.
        Collections.swap(order, 0, 370_000);
        Collections.swap(order, 1, 90_000);
        checkAgainstExpected(order, 11);
    }

    @Test
    void objectsInScrambledOrderFallBackToAStartPerObjectAndGiveTheSameCsr() {
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            order.add(o);
        }
        Collections.shuffle(order, new Random(5));
        checkAgainstExpected(order, 12);
    }

    @Test
    void objectsNeverBegunOrWithoutEdgesHaveEmptyBlocks() {
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o += 3) {
            order.add(o);
        }
        checkAgainstExpected(order, 13);
    }

    /**
     * The same collection on the heap, in mapped columns, and mixed: the collected targets' first chunk
     * on the heap (a scratch budget of one chunk) and the rest mapped, copied heap to file at the end.
     */
    private void checkAgainstExpected(List<Integer> order, long seed) {
        checkAgainstExpected(order, seed, ColumnStore.onHeap());
        checkAgainstExpected(order, seed, ColumnStore.mappedIn(columns, 0));
        checkAgainstExpected(order, seed, ColumnStore.mappedIn(columns, 4L << 20));
        checkAgainstExpected(order, seed, ColumnStore.mappedIn(columns));
    }

    private static void checkAgainstExpected(List<Integer> order, long seed, ColumnStore store) {
        Random random = new Random(seed);
        int[][] targetsByObject = new int[OBJECTS][];
        EdgeCollector collector = new EdgeCollector(OBJECTS, store);
        EdgeCollector.Part part = collector.newPart();
        for (int object : order) {
            int degree = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
            int[] targets = new int[degree];
            part.begin(object);
            for (int i = 0; i < degree; i++) {
                targets[i] = random.nextInt(OBJECTS);
                part.add(targets[i], (byte) (targets[i] & 7));
            }
            targetsByObject[object] = targets;
        }
        int[] expectedFirst = new int[OBJECTS + 1];
        List<Integer> expectedTargets = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            int[] targets = targetsByObject[o] == null ? new int[0] : targetsByObject[o];
            for (int t : targets) {
                expectedTargets.add(t);
            }
            expectedFirst[o + 1] = expectedTargets.size();
        }
        EdgeCollector.Csr csr = collector.finish(CancelSignal.NEVER);
        int[] expected = expectedTargets.stream().mapToInt(Integer::intValue).toArray();
        byte[] expectedKinds = new byte[expected.length];
        for (int e = 0; e < expected.length; e++) {
            expectedKinds[e] = (byte) (expected[e] & 7);
        }
        assertEquals(store.isMapped(), csr.targetByEdge().isMapped());
        assertArrayEquals(expectedFirst, ints(csr.firstEdgeByObject()));
        assertArrayEquals(expected, ints(csr.targetByEdge()));
        assertArrayEquals(expectedKinds, bytes(csr.kindByEdge()));
    }

    private static int[] ints(IntColumn column) {
        int[] values = new int[column.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.get(i);
        }
        return values;
    }

    private static byte[] bytes(ByteColumn column) {
        byte[] values = new byte[column.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.get(i);
        }
        return values;
    }
}
