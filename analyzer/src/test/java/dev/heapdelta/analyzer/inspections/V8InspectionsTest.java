package dev.heapdelta.analyzer.inspections;

import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.CONCATENATIONS;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.DUPLICATES;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.EMPTY_ARRAYS;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.EMPTY_MAPS;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.EMPTY_SETS;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.FLATTENED;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.GADGETS;
import static dev.heapdelta.analyzer.inspections.V8PlantedSnapshots.WIDGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.v8.V8ObjectDetails;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspections on snapshots node writes before and after planting known waste. Expected figures come
 * from the planted counts and V8's object layout on 64-bit Node without pointer compression (Node's
 * default): a sequential one-byte string is 16 header bytes plus its characters, aligned to 8; a
 * concatenation, a JSMap, a JSSet and a JSArray are 32 bytes; an OrderedHashTable starts with a capacity
 * of 4 entries (2 buckets) and doubles when full, and is a FixedArray of 16 bytes plus 8 per slot, of 3
 * header slots, the buckets and 3 (Map) or 2 (Set) slots per entry. As DevTools does, a collection's size
 * includes the table it alone owns. Internal collections of Node are counted too, so the collection and
 * package figures are compared as the growth from "before" to "after".
 */
class V8InspectionsTest {
    @TempDir
    static Path directory;
    static Snapshot before;
    static Snapshot after;

    @BeforeAll
    static void writeSnapshots() throws Exception {
        TestEnvironment.requireNode();
        V8PlantedSnapshots.write(directory);
        before = V8PlantedSnapshots.load(directory.resolve("before.heapsnapshot"));
        after = V8PlantedSnapshots.load(directory.resolve("after.heapsnapshot"));
    }

    @AfterAll
    static void close() {
        if (before != null) {
            before.close();
            after.close();
        }
    }

    private static long seqOneByteString(int length) {
        return (16 + length + 7) / 8 * 8;
    }

    private static Optional<DuplicateStrings.Group> duplicates(Snapshot snapshot, String value) {
        return DuplicateStrings.of(snapshot).stream().filter(g -> g.value().equals(value)).findFirst();
    }

    @Test
    void duplicatedStringsFollowDevToolsFilterWithConcatenationsAndWithoutFlattenedOnes() {
        DuplicateStrings.Group copies = duplicates(after, "planted-duplicate-value").orElseThrow();
        assertEquals(DUPLICATES, copies.count());
        assertEquals(DUPLICATES * seqOneByteString(23), copies.shallowBytes());
        assertEquals((DUPLICATES - 1) * seqOneByteString(23), copies.wastedBytes());

        DuplicateStrings.Group concatenations = duplicates(after, "cons-part-one-and-part-two").orElseThrow();
        assertEquals(CONCATENATIONS, concatenations.count());
        assertEquals(CONCATENATIONS * 32L, concatenations.shallowBytes());
        assertEquals((CONCATENATIONS - 1) * 32L, concatenations.wastedBytes());

        // Each flattened concatenation points at its own flat copy and the empty string: DevTools counts
        // the flat copies and leaves the concatenations out.
        DuplicateStrings.Group flattened = duplicates(after, "flat-part-one-and-flat-tail").orElseThrow();
        assertEquals(FLATTENED, flattened.count());
        assertEquals(FLATTENED * seqOneByteString(27), flattened.shallowBytes());

        assertTrue(duplicates(before, "planted-duplicate-value").isEmpty());
        assertTrue(duplicates(before, "cons-part-one-and-part-two").isEmpty());
    }

    private static <T> T row(List<T> rows, Function<T, String> key, String name) {
        return rows.stream().filter(r -> key.apply(r).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
    }

    @Test
    void plantedEmptyMapsSetsAndArraysAreEachCountedWithTheirBytes() {
        List<CollectionWaste.EmptyGroup> was = CollectionWaste.of(before).empty();
        List<CollectionWaste.EmptyGroup> now = CollectionWaste.of(after).empty();
        long emptyMapTable = 16 + 8 * (3 + 2 + 4 * 3);
        long emptySetTable = 16 + 8 * (3 + 2 + 4 * 2);
        for (var planted : List.of(new Object[] {"Map", EMPTY_MAPS, 32 + emptyMapTable},
                new Object[] {"Set", EMPTY_SETS, 32 + emptySetTable}, new Object[] {"Array", EMPTY_ARRAYS, 32L})) {
            String className = (String) planted[0];
            long count = (Integer) planted[1];
            long bytes = (Long) planted[2];
            CollectionWaste.EmptyGroup first = row(was, CollectionWaste.EmptyGroup::className, className);
            CollectionWaste.EmptyGroup last = row(now, CollectionWaste.EmptyGroup::className, className);
            assertEquals(count, last.count() - first.count(), className);
            assertEquals(count * bytes, last.shallowBytes() - first.shallowBytes(), className);
        }
        assertTrue(now.stream().noneMatch(g -> g.className().equals("Object")), "plain objects are no collections");
    }

    @Test
    void aMapAndASetShowHowFullTheirHashTablesAre() {
        List<CollectionWaste.FillGroup> fill = CollectionWaste.of(after).fillRatio();
        CollectionWaste.FillGroup map = fill.stream()
                .filter(g -> g.className().equals("Map") && g.pathKey().endsWith("fiveOfEight")).findFirst()
                .orElseThrow(() -> new AssertionError("no fiveOfEight in " + fill));
        assertEquals(1, map.count());
        assertEquals(5.0 / 8, map.averageFill(), 1e-9);
        assertEquals(5.0 / 8, map.minFill(), 1e-9);
        assertEquals((8 - 5) * 3 * 8, map.wastedBytes(), "three unused entries of key, value and chain");
        CollectionWaste.FillGroup set = fill.stream()
                .filter(g -> g.className().equals("Set") && g.pathKey().endsWith("threeOfFour")).findFirst()
                .orElseThrow(() -> new AssertionError("no threeOfFour in " + fill));
        assertEquals(3.0 / 4, set.averageFill(), 1e-9);
        assertEquals((4 - 3) * 2 * 8, set.wastedBytes());
    }

    @Test
    void packagesGroupObjectsByTheNodeModulesDirectoryOfTheirConstructorsAndScopesRollUp() {
        List<PackageHistogram.Row> was = PackageHistogram.of(before).packages();
        List<PackageHistogram.Row> now = PackageHistogram.of(after).packages();
        long widgetBytes = instanceBytes(after, "Widget", WIDGETS);
        long gadgetBytes = instanceBytes(after, "Gadget", GADGETS);

        PackageHistogram.Row widgetsBefore = row(was, PackageHistogram.Row::name, "planted-widgets");
        PackageHistogram.Row widgets = row(now, PackageHistogram.Row::name, "planted-widgets");
        assertEquals(WIDGETS, widgets.count() - widgetsBefore.count());
        assertEquals(WIDGETS, widgets.directCount() - widgetsBefore.directCount());
        assertEquals(widgetBytes, widgets.shallowBytes() - widgetsBefore.shallowBytes());
        assertEquals(bruteForceRetained(after, "/node_modules/planted-widgets/"), widgets.retainedBytes());

        PackageHistogram.Row gadgets = row(now, PackageHistogram.Row::name, "@planted/gadgets");
        PackageHistogram.Row gadgetsBefore = row(was, PackageHistogram.Row::name, "@planted/gadgets");
        assertEquals(GADGETS, gadgets.count() - gadgetsBefore.count());
        assertEquals(gadgetBytes, gadgets.shallowBytes() - gadgetsBefore.shallowBytes());
        PackageHistogram.Row scope = row(now, PackageHistogram.Row::name, "@planted");
        assertEquals(gadgets.count(), scope.count(), "the scope rolls up its one package");
        assertEquals(gadgets.shallowBytes(), scope.shallowBytes());
        assertEquals(0, scope.directCount());
        assertEquals(bruteForceRetained(after, "/node_modules/@planted/"), scope.retainedBytes());
        assertTrue(PackageHistogram.of(after).byLoader().isEmpty(), "V8 has no class loaders");
    }

    /**
     * The retained bytes of the objects located in scripts under {@code directory} that no other such object
     * dominates, found by walking up each one's dominators.
     */
    private static long bruteForceRetained(Snapshot snapshot, String directory) {
        var graph = snapshot.graph();
        var details = (V8ObjectDetails) graph.details();
        var tree = snapshot.dominatorTree();
        java.util.BitSet inPackage = new java.util.BitSet();
        for (int o = 0; o < graph.objectCount(); o++) {
            V8ObjectDetails.Location location = details.location(o);
            if (location != null && location.scriptName().replace('\\', '/').contains(directory)
                    && tree.isReachable(o)) {
                inPackage.set(o);
            }
        }
        long retained = 0;
        for (int o = inPackage.nextSetBit(0); o >= 0; o = inPackage.nextSetBit(o + 1)) {
            boolean dominatedByPackage = false;
            for (int up = tree.immediateDominatorOf(o); up >= 0 && up != tree.virtualRoot();
                    up = tree.immediateDominatorOf(up)) {
                dominatedByPackage |= inPackage.get(up);
            }
            retained += dominatedByPackage ? 0 : tree.retainedSizeOf(o);
        }
        assertTrue(inPackage.cardinality() > 0, directory);
        return retained;
    }

    /** The bytes of the {@code expected} instances of a class, read from the class histogram. */
    private static long instanceBytes(Snapshot snapshot, String className, int expected) {
        var graph = snapshot.graph();
        long count = 0;
        long bytes = 0;
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.className(c).equals(className)) {
                count += snapshot.histogram().count(c);
                bytes += snapshot.histogram().shallowBytes(c);
            }
        }
        assertEquals(expected, count, className + " instances");
        return bytes;
    }
}
