package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns written from mapped pages read back the same into heap arrays and into mapped columns. */
class ImageColumnsTest {
    @TempDir
    Path directory;

    @Test
    void mappedColumnsRoundTripThroughAnImage() throws IOException {
        ColumnStore mapped = ColumnStore.mappedIn(directory.resolve("columns"));
        int length = 300_001;
        IntColumn ints = mapped.ints("ints", length);
        LongColumn longs = mapped.longs("longs", length);
        ByteColumn bytes = mapped.bytes("bytes", length);
        for (int i = 0; i < length; i++) {
            ints.set(i, i * 7 - 5);
            longs.set(i, (long) i << 35 | i);
            bytes.set(i, (byte) (i * 13));
        }
        Path file = directory.resolve("image");
        long checksum;
        try (ImageOutput out = new ImageOutput(file)) {
            out.writeByte(1);
            out.writeInts(ints, length - 1);
            out.writeLongs(longs);
            out.writeBytes(bytes);
            out.writeInts((IntColumn) null, 0);
            checksum = out.finish();
        }
        int[] intsOnHeap;
        long[] longsOnHeap;
        byte[] bytesOnHeap;
        try (ImageInput in = new ImageInput(file)) {
            assertEquals(1, in.readByte());
            intsOnHeap = in.readInts();
            longsOnHeap = in.readLongs();
            bytesOnHeap = in.readBytes();
            assertNull(in.readInts());
            in.verifyEnd(checksum);
        }
        assertEquals(length - 1, intsOnHeap.length);
        for (int i = 0; i < length; i += 1009) {
            assertEquals(longs.get(i), longsOnHeap[i]);
            assertEquals(bytes.get(i), bytesOnHeap[i]);
            if (i < length - 1) {
                assertEquals(ints.get(i), intsOnHeap[i]);
            }
        }
        try (ImageInput in = new ImageInput(file)) {
            in.readByte();
            IntColumn intsMapped = in.readIntColumn(mapped);
            LongColumn longsMapped = in.readLongColumn(mapped);
            ByteColumn bytesMapped = in.readByteColumn(mapped);
            assertNull(in.readIntColumn(mapped));
            in.verifyEnd(checksum);
            assertArrayEquals(intsOnHeap, valuesOf(intsMapped));
            for (int i = 0; i < length; i++) {
                assertEquals(longsOnHeap[i], longsMapped.get(i));
                assertEquals(bytesOnHeap[i], bytesMapped.get(i));
            }
        }
    }

    @Test
    void aNegativeLengthOtherThanTheNullMarkIsDamageNotNull() throws IOException {
        Path file = directory.resolve("negative");
        try (ImageOutput out = new ImageOutput(file)) {
            out.writeInt(-2);
            out.writeInt(-7);
            out.finish();
        }
        try (ImageInput in = new ImageInput(file)) {
            assertThrows(DamagedImageException.class, in::readInts);
        }
        try (ImageInput in = new ImageInput(file)) {
            assertThrows(DamagedImageException.class, in::readString);
        }
    }

    private static int[] valuesOf(IntColumn column) {
        int[] values = new int[column.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.get(i);
        }
        return values;
    }
}
