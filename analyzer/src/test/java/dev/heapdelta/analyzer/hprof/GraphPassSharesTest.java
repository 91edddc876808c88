package dev.heapdelta.analyzer.hprof;

import static dev.heapdelta.analyzer.testing.SameGraph.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import dev.heapdelta.analyzer.testing.SmallJvmDump;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second pass on several threads: the same graph, warnings included, as on one. */
class GraphPassSharesTest {
    private static final long NODE = 0x1100;
    private static final long A = JavaClasses.FIRST_FREE;

    @TempDir
    Path dir;

    @Test
    void aChildJvmsDumpReadInThreeSharesIsTheGraphReadOnOneThread() throws IOException {
        Path file = dir.resolve("small.hprof");
        SmallJvmDump.write(file);
        compareShares(file, StoragePolicy.HEAP);
        compareShares(file, StoragePolicy.MAPPED);
    }

    @Test
    void theLeakingSampleReadInThreeSharesIsTheGraphReadOnOneThread() throws IOException {
        compareShares(TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t2.hprof.gz"),
                StoragePolicy.HEAP);
    }

    @Test
    void danglingReferencesInEveryShareAreCountedOnceAndTheFirstInTheFileIsNamed() throws IOException {
        Path file = dir.resolve("dangling.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", Type.OBJECT).write();
            w.segment();
            for (int i = 0; i < 300; i++) {
                // Every tenth node points past the heap, into no object.
                long next = i % 10 == 3 ? 0x7700_0000L + i : i == 299 ? 0 : A + 16L * (i + 1);
                w.instance(A + 16L * i, NODE, next);
                if (i % 50 == 49) {
                    w.segment();
                }
            }
            w.rootJniGlobal(A, 0x77);
            w.endHeapDump();
        }
        HeapGraph one = read(file, StoragePolicy.HEAP, 1);
        HeapGraph three = read(file, StoragePolicy.HEAP, 3);
        assertSameGraph(one, three);
        assertTrue(three.info().warnings().contains(
                "reference to an object not in the dump, dropped: 30 (first: 0x77000003)"), three.info().warnings()::toString);
    }

    private void compareShares(Path file, StoragePolicy storage) throws IOException {
        HeapGraph one = read(file, StoragePolicy.HEAP, 1);
        HeapGraph three = read(file, storage, 3);
        assertTrue(one.info().fileCounts().getOrDefault("HEAP_DUMP_SEGMENT", 0L) >= 3,
                "the dump has a stretch for every share: " + one.info().fileCounts());
        assertEquals(one.objectCount(), three.objectCount());
        assertSameGraph(one, three);
    }

    private HeapGraph read(Path file, StoragePolicy storage, int shares) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.toString(), 0, dir.resolve("cache"), storage),
                CancelSignal.NEVER, ProgressListener.NONE, shares);
    }
}
