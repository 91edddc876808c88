package dev.heapdelta.analyzer.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void sizeSuffixesKeepTheirStandardMeaningsAndBareLettersTheirOldBase1024() {
        assertEquals(1000, ByteSizes.parse("1KB"));
        assertEquals(1024, ByteSizes.parse("1KiB"));
        assertEquals(10_000_000L, ByteSizes.parse("10MB"));
        assertEquals(10L * 1024 * 1024, ByteSizes.parse("10MiB"));
        assertEquals(1_500_000_000L, ByteSizes.parse("1.5GB"));
        assertEquals(3L * 1024 * 1024 * 1024 / 2, ByteSizes.parse("1.5GiB"));
        assertEquals(2L * 1024 * 1024, ByteSizes.parse("2M"), "the bare letter keeps its old base 1024");
        assertEquals(123, ByteSizes.parse("123"));
        assertEquals(512_000, ByteSizes.parse("512 kb"));
        assertEquals(512 * 1024, ByteSizes.parse("512 kib"));
    }

    @Test
    void nonsenseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("-5MB"));
    }

    @Test
    void humanSizesAreReadable() {
        assertEquals("512 B", ByteSizes.human(512));
        assertEquals("1.5 KB", ByteSizes.human(1536));
        assertEquals("21.6 MB", ByteSizes.human(22_691_136));
        assertEquals("+1.0 MB", ByteSizes.humanDelta(1 << 20));
    }

    @Test
    void objectIdsRoundTrip() {
        assertEquals(0x804ca6b0L, ObjectIds.parse("0x804ca6b0"));
        assertEquals(3_970_210_020L, ObjectIds.parse("@3970210020"));
        assertThrows(IllegalArgumentException.class, () -> ObjectIds.parse("12345"));
    }
}
