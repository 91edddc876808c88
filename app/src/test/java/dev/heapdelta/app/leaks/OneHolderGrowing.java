package dev.heapdelta.app.leaks;

import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Two leaks that are each one holder growing, with no growing collection to explain them, dumped after
 * 1, 3 and 5 units of load ({@code one-holder-t0.hprof} … {@code t2}, live objects only):
 * <ul>
 * <li>{@link #ARCHIVE}, a complete binary tree of {@link Segment}s, each with its payload, that gains
 *     {@value #SEGMENTS_PER_UNIT} segments per unit. Its root is both the accumulation point (neither
 *     half holds most of the growth) and the deepest large retainer; its halves are large retainers too.
 * <li>{@link #TRANSCRIPTS}, a map of {@value #CHANNELS} channels that never gains an entry, each a
 *     {@code StringBuilder} that grows by {@value #LINES_PER_UNIT} lines per unit. The growth
 *     accumulates at the map's table, inside the map: the map is the holder, with its 4 entries.
 * </ul>
 */
public final class OneHolderGrowing {
    static final int[] UNITS = {1, 3, 5};
    static final int SEGMENTS_PER_UNIT = 2_000;
    static final int PAYLOAD_BYTES = 200;
    static final int CHANNELS = 4;
    static final int LINES_PER_UNIT = 5_000;

    static final Archive ARCHIVE = new Archive();
    static final Map<String, StringBuilder> TRANSCRIPTS = new HashMap<>();

    private OneHolderGrowing() {
    }

    /** A tree node and its payload: two objects per segment. */
    static final class Segment {
        Segment left;
        Segment right;
        final byte[] payload = new byte[PAYLOAD_BYTES];
    }

    /** Segments in heap order (node i's children are 2i and 2i + 1), so the tree stays balanced. */
    static final class Archive {
        Segment root;
        int size;

        void add() {
            Segment segment = new Segment();
            size++;
            if (size == 1) {
                root = segment;
                return;
            }
            Segment parent = root;
            int highest = Integer.highestOneBit(size);
            for (int bit = highest >> 1; bit > 1; bit >>= 1) {
                parent = (size & bit) == 0 ? parent.left : parent.right;
            }
            if ((size & 1) == 0) {
                parent.left = segment;
            } else {
                parent.right = segment;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        for (int channel = 0; channel < CHANNELS; channel++) {
            TRANSCRIPTS.put("channel-" + channel, new StringBuilder());
        }
        int done = 0;
        int line = 0;
        for (int moment = 0; moment < UNITS.length; moment++) {
            for (; done < UNITS[moment]; done++) {
                for (int i = 0; i < SEGMENTS_PER_UNIT; i++) {
                    ARCHIVE.add();
                }
                for (StringBuilder transcript : TRANSCRIPTS.values()) {
                    for (int i = 0; i < LINES_PER_UNIT; i++) {
                        transcript.append("line ").append(line++).append('\n');
                    }
                    // Its length, not its doubling capacity: a builder that never doubles between two dumps
                    // would not grow there.
                    transcript.trimToSize();
                }
            }
            SelfHeapDump.write(directory.resolve("one-holder-t" + moment + ".hprof"), true);
        }
    }
}
