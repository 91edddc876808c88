package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leak in every container family at once, on dumps made in this test ({@link GrowingFamilies} in a
 * child JVM, after 1, 3 and 5 units of load): each family is one row, at the rank its payloads give it,
 * with its exact entry counts per snapshot and a headline naming its static field, its entries' class
 * as the first evidence; the LRU map, the clearing weak map and the bounded caches say nothing.
 */
class GrowingFamiliesTest {
    private static final String PROGRAM = "GrowingFamilies";
    /** What the headline calls each family of {@link GrowingFamilies#FAMILIES}, in that order. */
    private static final List<String> HEADLINE_NAMES = List.of("PriorityQueue", "ArrayDeque", "ConcurrentLinkedQueue",
            "ConcurrentLinkedDeque", "LinkedBlockingDeque", "CopyOnWriteArrayList", "CopyOnWriteArraySet",
            "ConcurrentSkipListMap", "ConcurrentSkipListSet", "IdentityHashMap", "WeakHashMap",
            "ArrayList", "HashMap", "ArrayList", "HashMap", "ThreadPoolExecutor", "HashMultimap");
    /** The four views, by field, and the {@code Collections} method that made each. */
    private static final List<List<String>> VIEWS = List.of(List.of("SYNCHRONIZED_LIST", "Collections.synchronizedList"),
            List.of("SYNCHRONIZED_MAP", "Collections.synchronizedMap"),
            List.of("unmodifiableList", "Collections.unmodifiableList"),
            List.of("unmodifiableMap", "Collections.unmodifiableMap"));

    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheFamiliesInAChildJvmAndDiffTheirThreeDumps() throws Exception {
        DumpingProgram.run(GrowingFamilies.class.getName(), "128m", 180, dumps, dumps.resolve("program.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "families", GrowingFamilies.UNITS.length));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void everyFamilyIsOneRowAtTheRankOfItsGrowthAndNothingElseIsReported() {
        List<String> expected = Arrays.stream(GrowingFamilies.FAMILIES).map(f -> "static " + PROGRAM + "." + f).toList();
        assertEquals(expected, report.suspects().stream().map(Suspect::pathKey).toList(), titles());
        assertTrue(report.largeRetainers().isEmpty(), report.largeRetainers().toString());
    }

    @Test
    void eachRowCountsItsEntriesPerSnapshotAndNamesItsFamilyAndField() {
        for (int family = 0; family < GrowingFamilies.FAMILIES.length; family++) {
            Suspect row = report.suspects().get(family);
            Long[] entries = perUnit(10 + family);
            String field = GrowingFamilies.FAMILIES[family];
            assertEquals(SuspectKind.GROWING_COLLECTION, row.kind(), row.title());
            assertEquals("growing", row.trend().jsonName(), row.title());
            assertArrayEquals(entries, row.elements(), row.title());
            assertTrue(row.title().startsWith(String.format("%s at static %s.%s grew from %,d to %,d entries (+",
                    HEADLINE_NAMES.get(family), PROGRAM, field, entries[0], entries[entries.length - 1])), row.title());
            assertEquals(GrowingFamilies.Item.class.getName(), row.evidence().get(0).name(), row.title());
            assertArrayEquals(entries, row.evidence().get(0).count(), row.title());
        }
    }

    @Test
    void theMultimapCountsItsPairsAsSizeDoesWithItsThreeKeysBeside() {
        Suspect multimap = row("HASH_MULTIMAP");
        assertTrue(multimap.reasons().contains("keys: 3 → 3 → 3"), multimap.reasons().toString());
    }

    @Test
    void aSynchronizedOrUnmodifiableViewIsNamedAsTheCollectionItWrapsAtItsFieldWithTheViewInItsReasons() {
        for (List<String> view : VIEWS) {
            Suspect row = row(view.get(0));
            assertFalse(row.title().contains("Collections$"), row.title());
            String wrapped = row.title().substring(0, row.title().indexOf(" at static "));
            assertTrue(row.reasons().contains("held through a " + view.get(1) + " view: its entries are the wrapped "
                    + wrapped + "'s"), row.reasons().toString());
        }
        for (Suspect other : report.suspects()) {
            if (VIEWS.stream().noneMatch(view -> other.pathKey().endsWith("." + view.get(0)))) {
                assertTrue(other.reasons().stream().noneMatch(reason -> reason.startsWith("held through")),
                        other.title());
            }
        }
    }

    @Test
    void anUnmodifiableViewIsNamedByItsStaticFieldWithTheFrameThatFillsTheListAsItsSecondPath() {
        for (String view : new String[] {"unmodifiableList", "unmodifiableMap"}) {
            Suspect row = row(view);
            assertEquals("java.lang.Class", row.pathToRoot().get(0).className(), "the static path first: " + row.title());
            assertEquals(1, row.otherPaths().size(), row.title());
            List<PathStepRow> frame = row.otherPaths().get(0);
            assertEquals("java.lang.Thread", frame.get(0).className(), row.title());
        }
    }

    @Test
    void theLruMapTheClearingWeakMapAndTheBoundedCachesStaySilent() {
        for (Suspect suspect : report.suspects()) {
            for (String bounded : new String[] {"LRU", "CLEARING_WEAK_MAP", "AT_MAXIMUM", "FILLING"}) {
                assertFalse(suspect.pathKey().contains(PROGRAM + "." + bounded), suspect.title());
            }
        }
        assertTrue(report.boundedCaches().isEmpty(), "none grew close to its maximum: " + report.boundedCaches());
    }

    private static Suspect row(String field) {
        return report.suspects().stream().filter(s -> s.pathKey().equals("static " + PROGRAM + "." + field)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + field + " in\n" + titles()));
    }

    private static Long[] perUnit(int perUnit) {
        return Arrays.stream(GrowingFamilies.UNITS).mapToObj(units -> (long) units * perUnit).toArray(Long[]::new);
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList());
    }
}
