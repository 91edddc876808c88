package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressListTest {
    @Test
    void addressesComeBackInOrderWhateverTheirSteps() {
        Random random = new Random(3);
        long[] addresses = new long[200_000];
        long address = 0x7_0000_0000L;
        for (int i = 0; i < addresses.length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> address = random.nextLong();
                case 1 -> address = address - 8;
                case 2 -> address = address + (1L << 33);
                case 3 -> { }
                default -> address = address + 8 * (1 + random.nextInt(40));
            }
            addresses[i] = address;
        }
        addresses[0] = Long.MIN_VALUE;
        addresses[1] = Long.MAX_VALUE;
        addresses[2] = 0;
        AddressList list = new AddressList();
        for (long a : addresses) {
            list.add(a);
        }
        long[] decoded = new long[addresses.length];
        int[] filled = {0};
        list.forEachChunk((values, length) -> {
            System.arraycopy(values, 0, decoded, filled[0], length);
            filled[0] += length;
        });
        assertEquals(addresses.length, list.size());
        assertEquals(addresses.length, filled[0]);
        assertArrayEquals(addresses, decoded);
    }

    @Test
    void anEmptyListHandsNothing() {
        AddressList list = new AddressList();
        int[] calls = {0};
        list.forEachChunk((values, length) -> calls[0]++);
        assertEquals(0, calls[0]);
    }
}
