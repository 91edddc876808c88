package dev.heapdelta.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.large.ShapeCounts;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeHprofShapeTest {
    private static final int TAG_UTF8 = 0x01;
    private static final int TAG_HEAP_DUMP_SEGMENT = 0x1C;
    private static final int TAG_HEAP_DUMP_END = 0x2C;

    @Test
    void childJvmAtATinyScaleWritesAnHprofThatFramesToItsLastByte(@TempDir Path directory)
            throws IOException, InterruptedException {
        Path log = directory.resolve("child.log");
        Process child = new ProcessBuilder(LargeHprofShape.childJvmCommand(0.01, directory))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the generator at scale 0.01 should take seconds");
        assertEquals(0, child.exitValue(), Files.readString(log));

        Path hprof = LargeHprofShape.outputFile(0.01, directory);
        TopLevelRecords records = readTopLevelRecords(hprof);

        assertEquals("JAVA PROFILE 1.0.2", records.header);
        assertEquals(8, records.idSize);
        assertEquals(Files.size(hprof), records.endOffset, "records end exactly at the end of the file");
        assertTrue(records.heapDumpSegments > 0, "heap dump segments: " + records.heapDumpSegments);
        assertTrue(records.endSeen, "HEAP_DUMP_END record");
        for (String shapeClass : List.of("Customer", "Address", "Event", "TreeNode")) {
            assertTrue(records.names.contains("dev/heapdelta/samples/large/" + shapeClass), shapeClass);
        }
        assertTrue(Files.size(hprof) > 10_000_000L, "about 20 MB at scale 0.01, was " + Files.size(hprof));
    }

    @Test
    void childCommandRunsTheParallelCollectorWithAHeapThatGrowsWithTheScale(@TempDir Path directory) {
        List<String> small = LargeHprofShape.childJvmCommand(0.01, directory);
        List<String> full = LargeHprofShape.childJvmCommand(1.0, directory);

        assertTrue(Files.isExecutable(Path.of(small.get(0))), small.get(0));
        assertTrue(small.contains("-XX:+UseParallelGC"));
        assertTrue(small.contains("-Xmx256m"), small.toString());
        assertTrue(full.contains("-Xmx2600m"), full.toString());
        assertEquals(List.of(LargeHprofShape.class.getName(), "0.01", directory.toAbsolutePath().toString()),
                small.subList(small.size() - 3, small.size()));
    }

    @Test
    void outputFileNamesTheScale(@TempDir Path directory) {
        assertEquals(directory.resolve("large-scale-0.01.hprof"), LargeHprofShape.outputFile(0.01, directory));
        assertEquals(directory.resolve("large-scale-1.hprof"), LargeHprofShape.outputFile(1.0, directory));
    }

    @Test
    void aSeedNamesItsDumpApartAndGrowsTheEventsAndHistoryByThatManyPerCent(@TempDir Path directory) {
        assertEquals(directory.resolve("large-scale-0.5-seed-3.hprof"), LargeHprofShape.outputFile(0.5, 3, directory));
        assertEquals(LargeHprofShape.outputFile(0.5, directory), LargeHprofShape.outputFile(0.5, 0, directory));
        ShapeCounts reference = ShapeCounts.atScale(1.0);
        ShapeCounts later = reference.grownBy(3);
        assertEquals(2_060_000, later.events());
        assertEquals(1_030_000, later.historyLength());
        assertEquals(reference.customers(), later.customers());
        assertEquals(reference.treeNodes(), later.treeNodes());
        assertEquals(reference, reference.grownBy(0));
        List<String> seeded = LargeHprofShape.childJvmCommand(0.01, 3, directory);
        assertEquals(List.of(LargeHprofShape.class.getName(), "0.01", directory.toAbsolutePath().toString(), "3"),
                seeded.subList(seeded.size() - 4, seeded.size()));
    }

    @Test
    void scaleOneHasTheReferenceShape() {
        ShapeCounts counts = ShapeCounts.atScale(1.0);

        assertEquals(3_000_000, counts.customers());
        assertEquals(3_000_000, counts.counters());
        assertEquals(2_000_000, counts.events());
        assertEquals(4_000_000, counts.treeNodes());
        assertEquals(1_000_000, counts.historyLength());
        assertEquals(100_000, counts.boxes());
    }

    @Test
    void scaleMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ShapeCounts.atScale(0));
        assertThrows(IllegalArgumentException.class, () -> ShapeCounts.atScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LargeHprofShape.childJvmCommand(-1, Path.of(".")));
    }

    /** What a walk over the file's top-level records saw; the heap dump segments' contents are skipped. */
    private static final class TopLevelRecords {
        String header;
        int idSize;
        long endOffset;
        int heapDumpSegments;
        boolean endSeen;
        final Set<String> names = new HashSet<>();
    }

    private static TopLevelRecords readTopLevelRecords(Path hprof) throws IOException {
        TopLevelRecords records = new TopLevelRecords();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(hprof), 1 << 16))) {
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c > 0; c = in.read()) {
                header.append((char) c);
            }
            records.header = header.toString();
            records.idSize = in.readInt();
            in.readLong();
            long offset = header.length() + 1 + 4 + 8;
            for (int tag = in.read(); tag >= 0; tag = in.read()) {
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                if (tag == TAG_UTF8) {
                    in.skipNBytes(records.idSize);
                    byte[] text = new byte[(int) length - records.idSize];
                    in.readFully(text);
                    records.names.add(new String(text, StandardCharsets.UTF_8));
                } else {
                    in.skipNBytes(length);
                }
                records.heapDumpSegments += tag == TAG_HEAP_DUMP_SEGMENT ? 1 : 0;
                records.endSeen |= tag == TAG_HEAP_DUMP_END;
                offset += 1 + 4 + 4 + length;
            }
            records.endOffset = offset;
        }
        return records;
    }
}
