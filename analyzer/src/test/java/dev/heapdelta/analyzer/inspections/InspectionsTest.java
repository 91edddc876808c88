package dev.heapdelta.analyzer.inspections;

import static dev.heapdelta.analyzer.inspections.InspectionsProgram.matArraySize;
import static dev.heapdelta.analyzer.inspections.InspectionsProgram.matShallowSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.inspections.planted.Leaf;
import dev.heapdelta.analyzer.inspections.planted.sub.Twig;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each inspection on a JVM dumped in the test with planted waste; every expected figure comes from the
 * planted counts and MAT's layout rules (docs/hprof-shallow-sizes.md), never from the analyzer.
 */
class InspectionsTest {
    static final int FEW = 1500;
    static final int MANY = 4000;

    @TempDir
    static Path directory;
    static Snapshot few;
    static Snapshot many;

    @BeforeAll
    static void dumpTwoMoments() throws Exception {
        few = load(dump("few.hprof", FEW));
        many = load(dump("many.hprof", MANY));
    }

    @AfterAll
    static void close() {
        few.close();
        many.close();
    }

    private static Path dump(String name, int copies) throws Exception {
        Path file = directory.resolve(name);
        InspectionsProgram.dumpTo(file, copies);
        return file;
    }

    private static Snapshot load(Path file) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(directory.resolve("cache"))
                .withIndexCache(false);
        return SnapshotLoader.load(file, file.toString(), options, CancelSignal.NEVER, ProgressListener.NONE);
    }

    private static long plantedStringBytes() {
        return matShallowSize(String.class) + matArraySize(InspectionsProgram.DUPLICATE_VALUE.length(), 1);
    }

    @Test
    void duplicateStringsAreCountedWithTheirArraysAndAllButOneCopyIsWaste() {
        DuplicateStrings.Group group = DuplicateStrings.of(few).stream()
                .filter(g -> g.value().equals(InspectionsProgram.DUPLICATE_VALUE)).findFirst().orElseThrow();
        // The planted copies, plus the literal in InspectionsProgram's constant pool.
        assertEquals(FEW + 1, group.count());
        assertEquals((FEW + 1) * plantedStringBytes(), group.shallowBytes());
        assertEquals(FEW * plantedStringBytes(), group.wastedBytes());
    }

    @Test
    void duplicateStringsGrowAcrossSnapshotsByValue() {
        List<SeriesRow<DuplicateStrings.Group>> series = SeriesRow.match(
                List.of(DuplicateStrings.of(few), DuplicateStrings.of(many)), DuplicateStrings.Group::value);
        SeriesRow<DuplicateStrings.Group> planted = series.stream()
                .filter(r -> r.key().equals(InspectionsProgram.DUPLICATE_VALUE)).findFirst().orElseThrow();
        assertEquals(FEW + 1, planted.bySnapshot().get(0).count());
        assertEquals(MANY + 1, planted.bySnapshot().get(1).count());
        assertEquals(planted.bySnapshot().get(1), planted.latest());
    }

    @Test
    void emptyCollectionsAreCountedByClassWithTheirShallowSize() {
        CollectionWaste.Result result = CollectionWaste.of(few);
        CollectionWaste.EmptyGroup lists = emptyGroup(result, InspectionsProgram.PlantedEmptyList.class);
        assertEquals(InspectionsProgram.EMPTY_LISTS, lists.count());
        assertEquals(InspectionsProgram.EMPTY_LISTS * matShallowSize(ArrayList.class), lists.shallowBytes());
        CollectionWaste.EmptyGroup maps = emptyGroup(result, InspectionsProgram.PlantedEmptyMap.class);
        assertEquals(InspectionsProgram.EMPTY_MAPS, maps.count());
        assertEquals(InspectionsProgram.EMPTY_MAPS * matShallowSize(HashMap.class), maps.shallowBytes());
        assertEquals(maps.shallowBytes(), maps.retainedBytes(), "an empty HashMap has no table yet");
    }

    private static CollectionWaste.EmptyGroup emptyGroup(CollectionWaste.Result result, Class<?> type) {
        return result.empty().stream().filter(g -> g.className().equals(type.getName())).findFirst().orElseThrow();
    }

    @Test
    void fillRatiosOfListsAndHashTablesAreGroupedByClassAndPathKey() {
        CollectionWaste.Result result = CollectionWaste.of(few);
        CollectionWaste.FillGroup lists = fillGroup(result, "java.util.ArrayList",
                "static InspectionsProgram.QUARTER_FULL › []");
        assertEquals(InspectionsProgram.QUARTER_FULL_LISTS, lists.count());
        double listFill = (double) InspectionsProgram.LIST_SIZE / InspectionsProgram.LIST_CAPACITY;
        assertEquals(listFill, lists.averageFill(), 1e-12);
        assertEquals(listFill, lists.minFill(), 1e-12);
        assertEquals(listFill, lists.maxFill(), 1e-12);
        assertEquals((long) InspectionsProgram.QUARTER_FULL_LISTS
                * (InspectionsProgram.LIST_CAPACITY - InspectionsProgram.LIST_SIZE) * 4, lists.wastedBytes());
        CollectionWaste.FillGroup maps = fillGroup(result, "java.util.HashMap", "static InspectionsProgram.SPARSE › []");
        assertEquals(InspectionsProgram.SPARSE_MAPS, maps.count());
        assertEquals(InspectionsProgram.MAP_ENTRIES / 16.0, maps.averageFill(), 1e-12);
        assertEquals((long) InspectionsProgram.SPARSE_MAPS * (16 - InspectionsProgram.MAP_ENTRIES) * 4,
                maps.wastedBytes());
    }

    private static CollectionWaste.FillGroup fillGroup(CollectionWaste.Result result, String className, String key) {
        return result.fillRatio().stream().filter(g -> g.className().equals(className) && g.pathKey().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no " + className + " at " + key + " in "
                        + result.fillRatio().stream().map(g -> g.className() + " " + g.pathKey()).toList()));
    }

    @Test
    void duplicateAndZeroFilledPrimitiveArraysAreFound() {
        DuplicateArrays.Result result = DuplicateArrays.of(few);
        DuplicateArrays.Group bytes = result.duplicates().stream().filter(g -> g.className().equals("byte[]")
                && g.length() == InspectionsProgram.BYTE_ARRAY_LENGTH
                && g.count() == InspectionsProgram.BYTE_ARRAY_COPIES).findFirst()
                .orElseThrow(() -> new AssertionError(result.duplicates().stream().filter(g -> g.length()
                        == InspectionsProgram.BYTE_ARRAY_LENGTH).toList().toString()));
        long byteArraySize = matArraySize(InspectionsProgram.BYTE_ARRAY_LENGTH, 1);
        assertEquals((InspectionsProgram.BYTE_ARRAY_COPIES - 1) * byteArraySize, bytes.wastedBytes());
        DuplicateArrays.Group zeros = result.duplicates().stream().filter(g -> g.className().equals("int[]")
                && g.length() == InspectionsProgram.ZERO_ARRAY_LENGTH).findFirst().orElseThrow();
        long zeroArraySize = matArraySize(InspectionsProgram.ZERO_ARRAY_LENGTH, 4);
        assertEquals(InspectionsProgram.ZERO_ARRAYS, zeros.count());
        assertEquals((InspectionsProgram.ZERO_ARRAYS - 1) * zeroArraySize, zeros.wastedBytes());
        DuplicateArrays.ZeroFilled zeroInts = result.zeroFilled().stream().filter(z -> z.className().equals("int[]"))
                .findFirst().orElseThrow();
        assertTrue(zeroInts.count() >= InspectionsProgram.ZERO_ARRAYS, "the planted ones at least");
        assertTrue(result.zeroFilled().stream().noneMatch(z -> z.className().equals("byte[]") && z.count()
                >= InspectionsProgram.BYTE_ARRAY_COPIES), "the patterned byte arrays are not zero-filled");
    }

    @Test
    void eachUrlClassLoaderDefinesItsCopyOfTheWidgetClass() {
        ClassLoaderCensus.Result result = ClassLoaderCensus.of(few);
        List<ClassLoaderCensus.Loader> plugins = result.loaders().stream()
                .filter(l -> l.className().equals("java.net.URLClassLoader")).toList();
        assertEquals(InspectionsProgram.PLUGIN_LOADERS, plugins.size());
        for (ClassLoaderCensus.Loader loader : plugins) {
            assertEquals(1, loader.classes(), "each plugin loader defines PluginWidget alone");
            assertEquals(InspectionsProgram.WIDGETS_PER_LOADER, loader.instances());
            assertTrue(loader.retainedBytes() > 0);
            assertTrue(loader.label().startsWith("plugin-"), loader.label());
        }
        ClassLoaderCensus.DuplicateClass widget = result.duplicateClasses().stream()
                .filter(d -> d.name().equals(PluginWidget.class.getName())).findFirst().orElseThrow();
        assertEquals(1 + InspectionsProgram.PLUGIN_LOADERS, widget.copies());
        assertEquals(1 + InspectionsProgram.PLUGIN_LOADERS * InspectionsProgram.WIDGETS_PER_LOADER,
                widget.instances());
        assertTrue(result.loaders().stream().anyMatch(l -> l.label().equals(ClassLoaderCensus.BOOTSTRAP)));
    }

    @Test
    void packagesRollUpTheirSubPackagesAndCountDirectInstancesApart() {
        PackageHistogram.Result result = PackageHistogram.of(few);
        String parent = Leaf.class.getPackageName();
        String child = Twig.class.getPackageName();
        long leafBytes = InspectionsProgram.LEAVES * matShallowSize(Leaf.class);
        long twigBytes = InspectionsProgram.TWIGS * matShallowSize(Twig.class);
        PackageHistogram.Row sub = row(result.packages(), child);
        assertEquals(InspectionsProgram.TWIGS, sub.count());
        assertEquals(InspectionsProgram.TWIGS, sub.directCount());
        assertEquals(twigBytes, sub.shallowBytes());
        assertEquals(twigBytes, sub.retainedBytes(), "each twig retains itself only");
        PackageHistogram.Row top = row(result.packages(), parent);
        assertEquals(InspectionsProgram.LEAVES + InspectionsProgram.TWIGS, top.count());
        assertEquals(InspectionsProgram.LEAVES, top.directCount());
        assertEquals(leafBytes + twigBytes, top.shallowBytes());
        assertEquals(leafBytes, top.directShallowBytes());
        assertEquals(leafBytes + twigBytes, top.retainedBytes());
        PackageHistogram.LoaderPackages appLoader = result.byLoader().stream()
                .filter(l -> l.packages().stream().anyMatch(p -> p.name().equals(parent))).findFirst().orElseThrow();
        assertEquals(InspectionsProgram.LEAVES + InspectionsProgram.TWIGS, row(appLoader.packages(), parent).count());
        assertNull(appLoader.packages().stream().filter(p -> p.name().equals("java.lang")).findFirst().orElse(null),
                "java.lang is the boot loader's");
    }

    private static PackageHistogram.Row row(List<PackageHistogram.Row> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
