package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.ContainerCensus;
import dev.heapdelta.analyzer.leaks.ContainerGroup;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every container family of DESIGN.md §4 counts its entries as its own {@code size()} would, read
 * from a live dump of {@link ContainerFamilies}: through wrappers, past removed nodes and cleared
 * weak keys, and one row per container, however many objects it is made of.
 */
class ContainerFamiliesTest {
    @TempDir
    static Path dir;

    static Snapshot snapshot;
    static ContainerCensus census;

    @BeforeAll
    static void dumpOneOfEachFamily() throws Exception {
        Path dump = dir.resolve("families.hprof");
        DumpingProgram.run(ContainerFamilies.class.getName(), "64m", 60, dump, dir.resolve("families.log"));
        snapshot = DumpingProgram.load(List.of(dump), AnalysisOptions.defaults().withIndexCache(false)).get(0);
        census = ContainerCensus.of(snapshot);
    }

    @AfterAll
    static void close() throws Exception {
        snapshot.close();
    }

    @Test
    void everyFamilyCountsItsEntriesAsSizeDoes() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("PRIORITY_QUEUE", 37L);
        expected.put("ARRAY_DEQUE", 41L);
        expected.put("CONCURRENT_LINKED_QUEUE", 43L);
        expected.put("CONCURRENT_LINKED_DEQUE", 47L);
        expected.put("LINKED_BLOCKING_DEQUE", 53L);
        expected.put("LINKED_BLOCKING_QUEUE", 29L);
        expected.put("ARRAY_BLOCKING_QUEUE", 31L);
        expected.put("PRIORITY_BLOCKING_QUEUE", 19L);
        expected.put("COPY_ON_WRITE_LIST", 59L);
        expected.put("COPY_ON_WRITE_SET", 61L);
        expected.put("SKIP_LIST_SET", 71L);
        expected.put("SYNCHRONIZED_LIST", 89L);
        expected.put("UNMODIFIABLE_LIST", 83L);
        expected.put("UNMODIFIABLE_SET", 97L);
        expected.put("SYNCHRONIZED_COLLECTION", 23L);
        expected.put("SET_FROM_MAP", 13L);
        expected.put("LINKED_LIST", 103L);
        expected.put("VECTOR", 109L);
        expected.put("SKIP_LIST_MAP", 67L);
        expected.put("IDENTITY_MAP", 73L);
        expected.put("TREE_MAP", 101L);
        expected.put("HASHTABLE", 107L);
        expected.put("CONCURRENT_MAP", 113L);
        expected.put("SYNCHRONIZED_MAP", 79L);
        expected.put("UNMODIFIABLE_MAP", 11L);
        expected.put("WEAK_MAP", 20L);
        expected.put("ENUM_MAP", (long) ChronoUnit.values().length);
        expected.put("HASH_MULTIMAP", 15L);
        expected.put("LINKED_LIST_MULTIMAP", 15L);
        expected.put("EXECUTOR", 17L);
        Map<String, Long> counted = new LinkedHashMap<>();
        for (String field : expected.keySet()) {
            ContainerGroup group = census.group("static ContainerFamilies." + field);
            counted.put(field, group == null ? null : group.elements());
        }
        assertEquals(expected, counted);
    }

    @Test
    void multimapsKeepTheirKeyCountBesideTheirEntries() {
        assertEquals(3, census.group("static ContainerFamilies.HASH_MULTIMAP").keys());
        assertEquals(3, census.group("static ContainerFamilies.LINKED_LIST_MULTIMAP").keys());
        assertEquals(-1, census.group("static ContainerFamilies.TREE_MAP").keys());
    }

    @Test
    void aWrappersInnerCollectionIsNoContainerOfItsOwn() {
        for (String key : census.groupsByPathKey().keySet()) {
            assertTrue(!key.startsWith("static ContainerFamilies.") || !key.contains(" › "), key);
        }
        assertNotNull(census.group("static ContainerFamilies.EXECUTOR"));
    }
}
