package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --json} on two snapshots that {@code node} writes in this test: each class row's {@code new},
 * {@code deleted}, {@code newBytes} and {@code freedBytes} equal DevTools' Comparison view, computed here
 * from the snapshot files themselves by DevTools' rules: per class, the ids present in one snapshot only,
 * over the nodes the class's count includes (a zero self size is no instance), summing self sizes.
 */
class DevToolsComparisonJsonTest {
    private static final String SCRIPT = String.join("\n",
            "const v8 = require('v8');",
            "class KeptEntry { constructor(i) { this.i = i; } }",
            "class DroppedEntry { constructor(i) { this.i = i; this.text = 'd' + i; } }",
            "class AddedEntry { constructor(i) { this.i = i; this.payload = new Array(i % 7).fill(i); } }",
            "globalThis.kept = Array.from({length: 300}, (_, i) => new KeptEntry(i));",
            "globalThis.dropped = Array.from({length: 200}, (_, i) => new DroppedEntry(i));",
            "globalThis.words = Array.from({length: 50}, (_, i) => 'w' + i + '-' + 'x'.repeat(i));",
            "v8.writeHeapSnapshot(process.argv[2]);",
            "globalThis.dropped = globalThis.dropped.slice(0, 50);",
            "for (let i = 0; i < 120; i++) globalThis.kept.push(new KeptEntry(1000 + i));",
            "globalThis.added = Array.from({length: 400}, (_, i) => new AddedEntry(i));",
            "globalThis.moreWords = Array.from({length: 80}, (_, i) => 'm' + i + '-' + 'y'.repeat(i));",
            "globalThis.numbers = Array.from({length: 60}, (_, i) => ({value: i + 0.5}));",
            "v8.writeHeapSnapshot(process.argv[3]);",
            "");

    @TempDir
    Path dir;

    @Test
    void newDeletedAllocatedAndFreedBytesPerClassAreDevToolsComparison() throws Exception {
        TestEnvironment.requireNode();
        Path base = dir.resolve("base.heapsnapshot");
        Path target = dir.resolve("target.heapsnapshot");
        Path script = dir.resolve("comparison.js");
        Files.writeString(script, SCRIPT);
        Process node = new ProcessBuilder("node", script.toString(), base.toString(), target.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed: " + Files.readString(dir.resolve("node.log")));

        CliRun run = CliRun.of("diff", base.toString(), target.toString(), "--json", "-", "--no-index-cache");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Map<String, Object>> rows = rowsByName(run.out());

        Map<String, List<long[]>> before = instancesByClass(base);
        Map<String, List<long[]>> after = instancesByClass(target);
        for (String name : List.of("KeptEntry", "DroppedEntry", "AddedEntry", "(string)", "(number)", "Array")) {
            long[] expected = comparison(before.getOrDefault(name, List.of()), after.getOrDefault(name, List.of()));
            Map<String, Object> row = rows.get(name);
            assertTrue(row != null, name + " has a row");
            assertEquals(expected[0], row.get("new"), name + " new");
            assertEquals(expected[1], row.get("deleted"), name + " deleted");
            if (!name.equals("Array")) {
                // DevTools credits an array's element store to the array (its shallow size), which this
                // test's plain reading of self_size does not; the test's own classes, strings and numbers
                // own no such store.
                assertEquals(expected[2], row.get("newBytes"), name + " newBytes");
                assertEquals(expected[3], row.get("freedBytes"), name + " freedBytes");
            }
        }
        // What the program did, independently of any id: 120 kept entries added, 150 dropped, 400 new ones.
        assertEquals(120L, rows.get("KeptEntry").get("new"));
        assertEquals(0L, rows.get("KeptEntry").get("deleted"));
        assertEquals(150L, rows.get("DroppedEntry").get("deleted"));
        assertEquals(400L, rows.get("AddedEntry").get("new"));
        assertTrue((Long) rows.get("(string)").get("new") >= 80, "the 80 new words are new strings");
    }

    /** {new, deleted, newBytes, freedBytes} of one class: a lockstep walk of the two sorted id lists. */
    private static long[] comparison(List<long[]> base, List<long[]> target) {
        Map<Long, Long> sizeById = new HashMap<>();
        Set<Long> baseIds = new TreeSet<>();
        for (long[] node : base) {
            baseIds.add(node[0]);
        }
        Set<Long> targetIds = new TreeSet<>();
        for (long[] node : target) {
            targetIds.add(node[0]);
            sizeById.put(node[0], node[1]);
        }
        long[] result = new long[4];
        for (long[] node : target) {
            if (!baseIds.contains(node[0])) {
                result[0]++;
                result[2] += node[1];
            }
        }
        for (long[] node : base) {
            if (!targetIds.contains(node[0])) {
                result[1]++;
                result[3] += node[1];
            }
        }
        return result;
    }

    /**
     * The nodes of a snapshot by DevTools class name, for the classes this test checks: objects by their
     * constructor name, strings and heap numbers by type. A node of self size 0 is no instance.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, List<long[]>> instancesByClass(Path file) throws IOException {
        Map<String, Object> snapshot;
        try (InputStream in = Files.newInputStream(file)) {
            snapshot = JsonTrees.parse(in);
        }
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) snapshot.get("snapshot")).get("meta");
        List<Object> fields = (List<Object>) meta.get("node_fields");
        List<Object> types = (List<Object>) ((List<Object>) meta.get("node_types")).get(0);
        List<Object> nodes = (List<Object>) snapshot.get("nodes");
        List<Object> strings = (List<Object>) snapshot.get("strings");
        int width = fields.size();
        int typeField = fields.indexOf("type");
        int nameField = fields.indexOf("name");
        int idField = fields.indexOf("id");
        int sizeField = fields.indexOf("self_size");
        Map<String, List<long[]>> byClass = new HashMap<>();
        for (int at = 0; at < nodes.size(); at += width) {
            String type = (String) types.get(((Long) nodes.get(at + typeField)).intValue());
            long size = (Long) nodes.get(at + sizeField);
            if (size == 0) {
                continue;
            }
            String name = (String) strings.get(((Long) nodes.get(at + nameField)).intValue());
            String className = switch (type) {
                case "object" -> name;
                case "string" -> "(string)";
                case "number" -> "(number)";
                default -> null;
            };
            if (className != null) {
                byClass.computeIfAbsent(className, k -> new ArrayList<>())
                        .add(new long[] {(Long) nodes.get(at + idField), size});
            }
        }
        return byClass;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rowsByName(String json) throws IOException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Object row : (List<Object>) JsonTrees.parse(json).get("classes")) {
            Map<String, Object> fields = (Map<String, Object>) row;
            Object previous = rows.put((String) fields.get("name"), fields);
            assertTrue(previous == null || !List.of("KeptEntry", "DroppedEntry", "AddedEntry").contains(fields.get("name")),
                    "one group per test class: " + fields.get("name"));
        }
        return rows;
    }
}
