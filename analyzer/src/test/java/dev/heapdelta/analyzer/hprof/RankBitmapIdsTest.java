package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.RankBitmapIds;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.SmallJvmDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph's ids taken from the address bitmap: checked against a sorted array of the addresses. */
class RankBitmapIdsTest {
    @TempDir
    Path dir;

    @Test
    void everyObjectsIdAndEveryAddressesObjectAreThoseOfTheSortedAddresses() {
        Random random = new Random(17);
        for (int round = 0; round < 6; round++) {
            long[] addresses = addresses(random, 20_000 + random.nextInt(60_000), round);
            check(addresses, ColumnStore.onHeap());
        }
    }

    @Test
    void theSameHoldsInMappedColumns() {
        check(addresses(new Random(5), 50_000, 2), ColumnStore.mappedIn(dir.resolve("columns")));
    }

    @Test
    void aChildJvmsDumpTakesItsIdsFromTheBitmapAndFindsEveryObjectByItsAddress() throws IOException {
        Path file = dir.resolve("small.hprof");
        SmallJvmDump.write(file);
        HeapGraph heap = read(file, StoragePolicy.HEAP);
        HeapGraph mapped = read(file, StoragePolicy.MAPPED);
        assertTrue(heap.objectCount() > 10_000, "objects: " + heap.objectCount());
        for (int o = 0; o < heap.objectCount(); o++) {
            long id = heap.idOf(o);
            if (o > 0) {
                assertTrue(heap.idOf(o - 1) < id, "ids ascend at " + o);
            }
            assertEquals(o, heap.findObjectById(id));
            assertEquals(-1, heap.findObjectById(id + 1), "a misaligned address is no object");
            assertEquals(id, mapped.idOf(o));
        }
    }

    private HeapGraph read(Path file, StoragePolicy storage) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.toString(), 0, dir.resolve("cache"), storage),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    /**
     * Dense runs (several objects per bitmap word), gaps of up to a megabyte (runs of empty words
     * between two sampled objects), repeated addresses, and a few addresses of a 16-byte granule.
     */
    private static long[] addresses(Random random, int count, int round) {
        long[] result = new long[count];
        long address = 0x7_0000_0000L + 8L * random.nextInt(1000);
        int step = round % 3 == 0 ? 16 : 8;
        for (int i = 0; i < count; i++) {
            result[i] = address;
            int kind = random.nextInt(100);
            if (kind < 2) {
                address += step * (1L + random.nextInt(1 << 16));
            } else if (kind < 4) {
                continue;
            } else {
                address += step * (1L + random.nextInt(round < 3 ? 4 : 40));
            }
        }
        // The file's order need not be the address order.
        for (int i = count - 1; i > 0 && round % 2 == 1; i--) {
            int j = random.nextInt(i + 1);
            long t = result[i];
            result[i] = result[j];
            result[j] = t;
        }
        return result;
    }

    private static void check(long[] addresses, ColumnStore store) {
        AddressList list = new AddressList();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long bits = 0;
        for (long a : addresses) {
            list.add(a);
            min = Math.min(min, a);
            max = Math.max(max, a);
            bits |= a;
        }
        assertTrue(RankBitmapAddressIndex.fits(min, max, bits, addresses.length));
        AddressIndex index = RankBitmapAddressIndex.of(list, new long[0], min, max, bits, store);
        long[] sorted = Arrays.stream(addresses).sorted().distinct().toArray();
        RankBitmapIds ids = index.rankedIds();
        assertNotNull(ids);
        assertEquals(sorted.length, ids.size());
        assertEquals(addresses.length - sorted.length, index.duplicates());
        PrimitiveIterator.OfLong ascending = ids.ascending();
        for (int o = 0; o < sorted.length; o++) {
            assertEquals(sorted[o], ids.idOf(o), "id of object " + o);
            assertEquals(o, ids.objectOf(sorted[o]), "object of address " + Long.toHexString(sorted[o]));
            assertEquals(sorted[o], ascending.nextLong());
            long next = sorted[o] + 8;
            if (o + 1 < sorted.length && sorted[o + 1] != next) {
                assertEquals(-1, ids.objectOf(next), "no object between two");
            }
        }
        assertFalse(ascending.hasNext());
        assertEquals(-1, ids.objectOf(min - 8));
        assertEquals(-1, ids.objectOf(max + 8));
        assertEquals(-1, ids.objectOf(max + (1L << 40)));
    }
}
