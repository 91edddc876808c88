package dev.heapdelta.analyzer.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compacting GC moves every object between two dumps of one program. The class diff matches by
 * class name, never by address, so the same heap at other addresses shows no growth at all.
 */
class MovedAddressesTest {
    private static final int ITEMS = 300;

    @TempDir
    Path dir;

    @Test
    void sameHeapAtOtherAddressesShowsZeroGrowth() throws IOException {
        Path before = writeHeap(dir.resolve("before.hprof"), 0x100000L, false);
        Path after = writeHeap(dir.resolve("after.hprof"), 0x9000000L, true);
        try (Snapshot a = load(before); Snapshot b = load(after)) {
            assertNotEquals(a.graph().idOf(a.biggestObjects(1)[0]), b.graph().idOf(b.biggestObjects(1)[0]),
                    "the objects really moved");
            List<ClassDiffRow> rows = ClassDiffs.of(List.of(a, b));
            assertTrue(rows.stream().anyMatch(r -> r.name().equals("Item") && r.count()[1] == ITEMS));
            for (ClassDiffRow row : rows) {
                assertEquals(0, row.countGrowth(), row.name());
                assertEquals(0, row.shallowGrowth(), row.name());
                assertEquals(0, row.retainedGrowth(), row.name());
                assertEquals(Trend.FLAT, row.trend(), row.name());
            }
            DiffReport report = DiffReports.of(List.of(a, b), false);
            assertEquals(List.of(), report.suspects().stream().filter(s -> s.retainedGrowth() != 0).toList());
        }
    }

    /** A static Registry.ITEMS array of items, each with a 256-byte payload; objects laid out from {@code base}. */
    private static Path writeHeap(Path file, long base, boolean reversed) throws IOException {
        long registry = base;
        long itemClass = base + 0x10;
        long array = base + 0x100;
        long[] items = new long[ITEMS];
        long[] payloads = new long[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            int slot = reversed ? ITEMS - 1 - i : i;
            items[i] = base + 0x10000 + 0x20L * slot;
            payloads[i] = base + 0x40000 + 0x200L * slot;
        }
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(itemClass, "Item", JavaClasses.OBJECT).field("payload", Type.OBJECT).field("id", Type.INT)
                    .write();
            w.classDump(registry, "Registry", JavaClasses.OBJECT).staticField("ITEMS", Type.OBJECT, array).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, registry).root(HprofWriter.ROOT_STICKY_CLASS, itemClass);
            w.objectArray(array, JavaClasses.OBJECT_ARRAY, items);
            for (int i = 0; i < ITEMS; i++) {
                w.instance(items[i], itemClass, payloads[i], i);
                w.byteArray(payloads[i], new byte[256]);
            }
            w.endHeapDump();
        }
        return file;
    }

    private static Snapshot load(Path file) throws IOException {
        return SnapshotLoader.load(file, file.toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                ProgressListener.NONE);
    }
}
