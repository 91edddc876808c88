package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.graph.GrowableLongColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The STRING_IN_UTF8 records by id, remembered as file positions and decoded on request: a HotSpot
 * dump holds hundreds of thousands of symbols, and only class and field names are ever needed.
 */
final class StringTable {
    private static final int MAX_DECODED = 1 << 16;

    private final LongIntMap slotById = new LongIntMap(1 << 12);
    private final GrowableLongColumn offsetBySlot = new GrowableLongColumn();
    private final GrowableIntColumn lengthBySlot = new GrowableIntColumn();

    void add(long id, long offset, long length) {
        int slot = (int) offsetBySlot.size();
        offsetBySlot.add(offset);
        lengthBySlot.add((int) Math.min(length, Integer.MAX_VALUE));
        slotById.put(id, slot);
    }

    int size() {
        return (int) offsetBySlot.size();
    }

    boolean contains(long id) {
        return slotById.containsKey(id);
    }

    /** The string with this id, or null when the file has none; names longer than 64 KB are cut. */
    String get(FileChannel channel, long id) throws IOException {
        int slot = slotById.get(id);
        if (slot < 0) {
            return null;
        }
        int length = Math.min(lengthBySlot.get(slot), MAX_DECODED);
        ByteBuffer bytes = ByteBuffer.allocate(length);
        long offset = offsetBySlot.get(slot);
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, offset + bytes.position());
            if (read < 0) {
                break;
            }
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }
}
