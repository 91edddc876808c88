package dev.heapdelta.analyzer.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The entries a sample shows under an object are those of a plain breadth-first search that sorts every
 * object's children by retained size: also once the search's queue is full and only entries are taken,
 * which the search finds in one selection of the entry children.
 */
class EntriesUnderTest {
    @TempDir
    Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"zoo/mat_openjdk_jdk11_04_x64.hprof.gz", "zoo/d8_heap-2.heapsnapshot",
        "sample-dumps/java/leaks-t2.hprof.gz"})
    void theEntriesUnderAnObjectAreThoseOfASearchSortingEveryChildList(String name) throws IOException {
        try (Snapshot snapshot = load(name)) {
            DominatorTree tree = snapshot.dominatorTree();
            List<Integer> objects = new ArrayList<>();
            objects.add(snapshot.dominatorRoot());
            IntStream.of(snapshot.biggestObjects(200)).forEach(objects::add);
            Random random = new Random(17);
            for (int i = 0; i < 300; i++) {
                objects.add(random.nextInt(snapshot.graph().objectCount()));
            }
            int searchesThatFilledTheQueue = 0;
            for (int object : objects) {
                if (!tree.isReachable(object) && object != snapshot.dominatorRoot()) {
                    continue;
                }
                for (int limit : new int[] {3, 10}) {
                    Oracle oracle = new Oracle(snapshot, object, limit);
                    searchesThatFilledTheQueue += oracle.queueFilled ? 1 : 0;
                    assertEquals(oracle.entries, SeriesContext.entriesUnder(snapshot, object, limit),
                            name + ": entries under " + object + ", at most " + limit);
                }
            }
            assertTrue(searchesThatFilledTheQueue > 0, name + ": no search filled its queue");
        }
    }

    /** The breadth-first search with every child list sorted in full, by retained size then list order. */
    private static final class Oracle {
        final List<Integer> entries = new ArrayList<>();
        boolean queueFilled;

        Oracle(Snapshot snapshot, int object, int limit) {
            DominatorTree tree = snapshot.dominatorTree();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(object));
            int visited = 0;
            while (!queue.isEmpty() && entries.size() < limit && visited < SeriesContext.SAMPLE_SEARCH_LIMIT) {
                visited++;
                int current = queue.poll();
                int first = tree.firstChildIndex(current);
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < tree.childCount(current); i++) {
                    positions.add(i);
                }
                positions.sort(Comparator.comparingLong((Integer i) -> -tree.retainedSizeOf(tree.childAt(first + i)))
                        .thenComparingInt(i -> i));
                for (int position : positions) {
                    if (entries.size() == limit) {
                        break;
                    }
                    int child = tree.childAt(first + position);
                    if (SeriesContext.isEntry(snapshot, child)) {
                        entries.add(child);
                    } else if (visited + queue.size() < SeriesContext.SAMPLE_SEARCH_LIMIT) {
                        queue.add(child);
                    } else {
                        queueFilled = true;
                    }
                }
            }
        }
    }

    private Snapshot load(String name) throws IOException {
        // The bundled example's leak holds collections of thousands of entries; the zoo's dumps, small trees.
        Path file = name.startsWith("zoo/") ? TestEnvironment.sharedReference(name)
                : TestEnvironment.repositoryRoot().resolve(name);
        return SnapshotLoader.load(file, name, AnalysisOptions.defaults().withIndexCache(false).withCacheDirectory(cache),
                CancelSignal.NEVER, ProgressListener.NONE);
    }
}
