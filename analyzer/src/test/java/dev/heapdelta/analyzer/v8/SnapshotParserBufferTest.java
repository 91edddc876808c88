package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser reads whole nodes and edges straight out of the scanner's buffer and leaves what is not
 * plain there (a buffer's end, damage, a cut) to the number-by-number read. Whatever the buffer's size,
 * so wherever the two meet, a snapshot reads into the same columns, warnings and losses, whole, cut or
 * damaged; a buffer smaller than a number's margin never takes the bulk path at all.
 */
class SnapshotParserBufferTest {
    private static final int[] BUFFER_SIZES = {1, 33, 47, 64, 97, 1000, 4099, 1 << 20};

    @ParameterizedTest
    @ValueSource(strings = {"node/node-all-t0.heapsnapshot.gz", "zoo/d8_heap-1.heapsnapshot",
            "zoo/devtoolx_test.heapsnapshot", "zoo/v8_nodesource_truncated_small.heapsnapshot"})
    void everyBufferSizeReadsTheSameSnapshot(String relative) throws IOException {
        byte[] text = textOf(TestEnvironment.sharedReference(relative));
        assertSameAtEveryBufferSize(text);
        String json = new String(text, StandardCharsets.ISO_8859_1);
        int edges = json.indexOf("\"edges\"");
        int strings = json.indexOf("\"strings\"");
        assertTrue(edges > 0 && strings > edges, relative);
        // Cut inside the nodes, inside the edges, and damaged inside each.
        for (int cut : new int[] {edges / 2 + 1, edges + (strings - edges) / 3, strings - 7}) {
            assertSameAtEveryBufferSize(Arrays.copyOf(text, cut));
        }
        for (int at : new int[] {edges / 2 + 3, edges + (strings - edges) / 2}) {
            byte[] damaged = text.clone();
            damaged[at] = 'x';
            assertSameAtEveryBufferSize(damaged);
        }
    }

    private static void assertSameAtEveryBufferSize(byte[] text) throws IOException {
        String expected = null;
        for (int size : BUFFER_SIZES) {
            String read = columnsOf(text, size);
            if (expected == null) {
                expected = read;
                assertTrue(read.startsWith("nodes ") || read.startsWith("error "), read);
            } else {
                assertEquals(expected, read, "buffer of " + size + " bytes against one of " + BUFFER_SIZES[0]);
            }
        }
    }

    /** Everything the parse produced, as text: the same text is the same parse. */
    private static String columnsOf(byte[] text, int bufferSize) throws IOException {
        RawSnapshot raw;
        try {
            raw = new SnapshotParser(new JsonByteScanner(new ByteArrayInputStream(text), "s.heapsnapshot", bufferSize),
                    text.length, false, CancelSignal.NEVER, ProgressListener.NONE).parse();
        } catch (DumpFormatException e) {
            return "error " + e.getMessage();
        }
        List<String> parts = new ArrayList<>();
        parts.add("nodes " + raw.nodeCount + " edges " + raw.edgeCount + " root " + raw.rootOrdinal);
        parts.add(Arrays.toString(raw.typeByNode));
        parts.add(Arrays.toString(raw.nameByNode));
        parts.add(Arrays.toString(raw.idByNode));
        parts.add(Arrays.toString(raw.selfSizeByNode));
        parts.add(Arrays.toString(raw.firstEdgeByNode));
        parts.add(Arrays.toString(raw.detachednessByNode));
        parts.add(Arrays.toString(raw.typeByEdge));
        parts.add(Arrays.toString(raw.nameOrIndexByEdge));
        parts.add(Arrays.toString(raw.targetByEdge));
        parts.add(Arrays.toString(Arrays.copyOf(raw.locations, raw.locationCount * 4)));
        parts.add(String.valueOf(raw.strings.readCount()) + " " + raw.strings.hashCode());
        parts.add(raw.partial + " " + raw.lostBytes + " " + raw.lostRecords + " " + raw.warnings);
        return String.join("\n", parts);
    }

    private static byte[] textOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (!file.getFileName().toString().endsWith(".gz")) {
                return in.readAllBytes();
            }
            try (InputStream inflated = new GZIPInputStream(in)) {
                return inflated.readAllBytes();
            }
        }
    }

    @Test
    void longNumbersAndLongBlankRunsReadAlikeAtEveryBufferSize() throws IOException {
        String eighteenDigits = snapshotWithSelfSize("123456789012345678");
        assertSameAtEveryBufferSize(eighteenDigits.getBytes(StandardCharsets.UTF_8));
        RawSnapshot raw = new SnapshotParser(new JsonByteScanner(new ByteArrayInputStream(
                eighteenDigits.getBytes(StandardCharsets.UTF_8)), "s", 1 << 20), eighteenDigits.length(), false,
                CancelSignal.NEVER, ProgressListener.NONE).parse();
        assertArrayEquals(new long[] {0, 123456789012345678L, 16}, raw.selfSizeByNode);
        assertArrayEquals(new int[] {1, 2}, raw.targetByEdge);
        // Nineteen digits may not fit a long: too long wherever the number lies in the buffer.
        byte[] nineteen = snapshotWithSelfSize("9999999999999999999").getBytes(StandardCharsets.UTF_8);
        assertSameAtEveryBufferSize(nineteen);
        assertTrue(columnsOf(nineteen, 1 << 20).contains("number too long"), columnsOf(nineteen, 1 << 20));
    }

    private static String snapshotWithSelfSize(String selfSize) {
        return "{\"snapshot\":{\"meta\":{\"node_fields\":[\"type\",\"name\",\"id\",\"self_size\",\"edge_count\"],"
                + "\"node_types\":[[\"hidden\",\"synthetic\"],\"string\",\"number\",\"number\",\"number\"],"
                + "\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],"
                + "\"edge_types\":[[\"element\",\"property\"],\"string_or_number\",\"node\"]},"
                + "\"node_count\":3,\"edge_count\":2},\n"
                + "\"nodes\":[1,0,1,0,2\n,0,1,3," + selfSize + ",0" + " ".repeat(80) + "\n,0,2,5,16,0],\n"
                + "\"edges\":[1,1,5\n,0,7,10],\n\"strings\":[\"\",\"a\",\"b\"]}";
    }
}
