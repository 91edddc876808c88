package dev.heapdelta.analyzer.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths to GC roots with MAT's exclusions, on a dump of {@link PathExclusionsProgram}: the planted objects'
 * paths, and over the whole graph a brute-force breadth-first search with the excluded edges removed.
 */
class PathExclusionsTest {
    private static final String PROGRAM = PathExclusionsProgram.class.getName();

    @TempDir
    static Path directory;
    static Snapshot snapshot;
    static HeapGraph graph;

    @BeforeAll
    static void dump() throws Exception {
        Path file = directory.resolve("exclusions.hprof");
        PathExclusionsProgram.dumpTo(file);
        snapshot = SnapshotLoader.loadUnsaved(file, file.toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                ProgressListener.NONE);
        graph = snapshot.graph();
    }

    @AfterAll
    static void close() {
        snapshot.close();
    }

    private static PathExclusions none() {
        return new PathExclusions(Set.of(), List.of(), Set.of());
    }

    private static PathExclusions references(ReferenceKind... kinds) {
        return none().withReferences(kinds.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(kinds)));
    }

    @Test
    void withoutExclusionsTheWeakSoftAndFinalizerReferencesAreTheShortWays() {
        ShortestPaths paths = snapshot.shortestPaths(none());
        assertEquals(List.of("java.lang.ref.WeakReference", target("WeakTarget")), tailClasses(paths, "WeakTarget", 2));
        assertEquals(List.of("java.lang.ref.SoftReference", target("SoftTarget")), tailClasses(paths, "SoftTarget", 2));
        assertEquals(List.of("java.lang.ref.Finalizer", target("FinalizableTarget")),
                tailClasses(paths, "FinalizableTarget", 2));
    }

    @Test
    void excludingAReferenceKindLeavesTheStrongPathAndOnlyThatKindIsAvoided() {
        ShortestPaths weakExcluded = snapshot.shortestPaths(references(ReferenceKind.WEAK));
        assertStrongChain(weakExcluded, "WeakTarget");
        assertEquals("java.lang.ref.SoftReference", tailClasses(weakExcluded, "SoftTarget", 2).get(0));
        ShortestPaths softExcluded = snapshot.shortestPaths(references(ReferenceKind.SOFT));
        assertStrongChain(softExcluded, "SoftTarget");
        assertEquals("java.lang.ref.WeakReference", tailClasses(softExcluded, "WeakTarget", 2).get(0));
        assertStrongChain(snapshot.shortestPaths(references(ReferenceKind.FINALIZER)), "FinalizableTarget");
    }

    @Test
    void theDefaultsAreThePathsOfPathKeysWithEveryReferentExcluded() {
        ShortestPaths defaults = snapshot.shortestPaths(PathExclusions.defaults());
        assertTrue(defaults == snapshot.shortestPaths(), "the default exclusions reuse the paths of path keys");
        for (String target : List.of("WeakTarget", "SoftTarget", "FinalizableTarget")) {
            assertStrongChain(defaults, target);
        }
        ShortestPaths allFour = snapshot.shortestPaths(references(ReferenceKind.values()).withFields(
                List.of(FieldExclusion.parse("no.such.Class:field"))));
        for (int o = 0; o < graph.objectCount(); o++) {
            assertEquals(defaults.pathTo(o).size(), allFour.pathTo(o).size(), () -> "path length of an object");
        }
    }

    @Test
    void anExcludedFieldIsGoneAround() {
        ShortestPaths direct = snapshot.shortestPaths(PathExclusions.defaults().withFields(List.of()));
        assertEquals(List.of(PROGRAM + "$Shortcut", target("FieldTarget")), tailClasses(direct, "FieldTarget", 2));
        ShortestPaths around = snapshot.shortestPaths(PathExclusions.defaults()
                .withFields(List.of(FieldExclusion.parse(PROGRAM + "$Shortcut:direct"))));
        assertStrongChain(around, "FieldTarget");
        ShortestPaths byRegex = snapshot.shortestPaths(PathExclusions.defaults()
                .withFields(List.of(FieldExclusion.parse(".*\\$Shortcut:direct"))));
        assertStrongChain(byRegex, "FieldTarget");
    }

    @Test
    void anExcludedRootKindStartsNoPathAndThreadLocalsCanBeExcludedAsAField() {
        int local = only("LocalTarget");
        ShortestPaths defaults = snapshot.shortestPaths();
        List<PathStep> fromFrame = defaults.pathTo(local);
        assertEquals(2, fromFrame.size(), "thread main › <Java Local>");
        assertEquals("<Java Local>", graph.details().edgeName(fromFrame.get(0).edgeToNext()));
        assertFalse(snapshot.shortestPaths(PathExclusions.defaults().withRoots(
                Set.of(PathExclusions.rootKindNamed("java-local")))).hasPath(local));
        assertFalse(snapshot.shortestPaths(PathExclusions.defaults()
                .withFields(List.of(FieldExclusion.parse("java.lang.Thread:<locals>")))).hasPath(local));

        ShortestPaths noJniGlobals = snapshot.shortestPaths(PathExclusions.defaults().withRoots(
                Set.of(PathExclusions.rootKindNamed("JNI Global"))));
        int startedByJniGlobals = 0;
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            int object = graph.rootObject(r);
            if (graph.rootKind(r) != RootKind.JNI_GLOBAL || !onlyJniGlobal(object)) {
                continue;
            }
            startedByJniGlobals += defaults.pathTo(object).size() == 1 ? 1 : 0;
            List<PathStep> other = noJniGlobals.pathTo(object);
            assertTrue(other.isEmpty() || other.get(0).object() != object, "a JNI global starts no path");
        }
        assertTrue(startedByJniGlobals > 0, "some JNI globals are roots of their own paths by default");
    }

    private static boolean onlyJniGlobal(int object) {
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == object && graph.rootThread(r) < 0 && graph.rootKind(r) != RootKind.JNI_GLOBAL) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyExclusionSetAgreesWithABruteForceSearchOverTheGraphWithoutTheExcludedEdges() {
        List<PathExclusions> cases = List.of(
                none(),
                PathExclusions.defaults(),
                references(ReferenceKind.WEAK, ReferenceKind.FINALIZER),
                PathExclusions.defaults().withFields(List.of(FieldExclusion.parse("java.lang.Thread:<locals>"),
                        FieldExclusion.parse("java.lang.ref.Finalizer:next"),
                        FieldExclusion.parse("java.lang.ThreadGroup"),
                        FieldExclusion.parse("jdk.internal.ref.Cleaner:next,prev")))
                        .withRoots(Set.of(RootKind.JNI_GLOBAL)),
                none().withRoots(Set.of(RootKind.JNI_LOCAL, RootKind.JAVA_FRAME, RootKind.STICKY_CLASS)));
        for (PathExclusions exclusions : cases) {
            BruteForcePaths oracle = new BruteForcePaths(graph, exclusions);
            ShortestPaths paths = exclusions.isDefault() ? snapshot.shortestPaths() : ShortestPaths.of(graph, exclusions);
            int reached = 0;
            for (int o = 0; o < graph.objectCount(); o++) {
                assertEquals(oracle.reached(o), paths.hasPath(o), "reachability of object " + o + " under " + exclusions);
                if (!paths.hasPath(o)) {
                    continue;
                }
                reached++;
                List<PathStep> path = paths.pathTo(o);
                int first = path.get(0).object();
                assertTrue(oracle.startsPaths(first) || isThread(first), "path starts at an allowed root");
                for (int i = 0; i < path.size() - 1; i++) {
                    int edge = path.get(i).edgeToNext();
                    assertTrue(oracle.allows(edge), "edge " + edge + " is not excluded under " + exclusions);
                    assertEquals(path.get(i + 1).object(), graph.edgeTarget(edge));
                }
                if (oracle.distanceFromStatics(o) >= 0) {
                    assertEquals(oracle.distanceFromStatics(o), path.size() - 1, "shortest from a class object");
                }
            }
            assertTrue(reached > 1_000, "a real dump has thousands of reachable objects: " + reached);
        }
    }

    @Test
    void exclusionsParseAsInMat() {
        FieldExclusion cleaner = FieldExclusion.parse("sun.misc.Cleaner:next,prev");
        assertEquals("sun.misc.Cleaner", cleaner.classPattern());
        assertEquals(Set.of("next", "prev"), cleaner.fields());
        assertEquals("sun.misc.Cleaner:next,prev", cleaner.toString());
        assertEquals(Set.of(), FieldExclusion.parse("java.lang.ThreadGroup").fields());
        assertThrows(IllegalArgumentException.class, () -> FieldExclusion.parse("java.lang.Thread:"));
        assertEquals(RootKind.JNI_GLOBAL, PathExclusions.rootKindNamed("JNI Global"));
        assertEquals(RootKind.JNI_GLOBAL, PathExclusions.rootKindNamed("jni_global"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PathExclusions.rootKindNamed("Android Binder"));
        assertTrue(unknown.getMessage().contains("JNI Global"), unknown.getMessage());
    }

    @Test
    void commandLineItemsNameReferenceKindsRootKindsAndFields() {
        assertEquals(PathExclusions.defaults(), PathExclusions.parse(List.of()));
        PathExclusions parsed = PathExclusions.parse(List.of("weak", "Soft", "root:JNI Global",
                "java.lang.Thread:<locals>"));
        assertEquals(Set.of(ReferenceKind.WEAK, ReferenceKind.SOFT), parsed.references());
        assertEquals(Set.of(RootKind.JNI_GLOBAL), parsed.roots());
        assertEquals(List.of("java.lang.Thread:<locals>"), parsed.fieldNames());
        assertEquals(Set.of(), PathExclusions.parse(List.of("none")).references());
        assertEquals(Set.of(ReferenceKind.values()),
                PathExclusions.parse(List.of("sun.misc.Cleaner:next")).references(), "fields alone keep the default");
        assertThrows(IllegalArgumentException.class, () -> PathExclusions.parse(List.of("root:nonsense")));
    }

    private static boolean isThread(int object) {
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == object && graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                return true;
            }
        }
        return false;
    }

    private static String target(String simpleName) {
        return PROGRAM + "$" + simpleName;
    }

    private static int only(String simpleName) {
        List<Integer> found = new ArrayList<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.kindOf(o) == ObjectKind.INSTANCE && graph.classNameOf(o).equals(target(simpleName))) {
                found.add(o);
            }
        }
        assertEquals(1, found.size(), "instances of " + simpleName);
        return found.get(0);
    }

    /** The class names of the last {@code count} steps of the planted object's path. */
    private static List<String> tailClasses(ShortestPaths paths, String simpleName, int count) {
        List<PathStep> path = paths.pathTo(only(simpleName));
        assertTrue(path.size() >= count, "a path of at least " + count + " steps");
        return path.subList(path.size() - count, path.size()).stream()
                .map(step -> graph.classNameOf(step.object())).toList();
    }

    /** The program's class object (its loader reaches it), its static's chain of links, then the target. */
    private static void assertStrongChain(ShortestPaths paths, String simpleName) {
        List<PathStep> path = paths.pathTo(only(simpleName));
        int links = PathExclusionsProgram.CHAIN;
        assertTrue(path.size() >= links + 2, "class object, links, target: " + simpleName);
        int program = path.size() - links - 2;
        assertEquals("class " + PROGRAM, graph.details().label(path.get(program).object()), simpleName);
        for (int i = program + 1; i <= program + links; i++) {
            assertEquals(PROGRAM + "$Link", graph.classNameOf(path.get(i).object()), simpleName);
        }
    }

    /**
     * The oracle: which edges and roots the exclusions leave, decided edge by edge from the class
     * names, field names ({@code edgeName}) and root records, then a plain breadth-first search.
     */
    static final class BruteForcePaths {
        private final HeapGraph graph;
        private final PathExclusions exclusions;
        private final boolean[] reached;
        private final int[] distanceFromStatics;

        BruteForcePaths(HeapGraph graph, PathExclusions exclusions) {
            this.graph = graph;
            this.exclusions = exclusions;
            int n = graph.objectCount();
            reached = new boolean[n];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int i = 0; i < graph.entryCount(); i++) {
                int entry = graph.entryObject(i);
                if (startsPaths(entry) && !reached[entry]) {
                    reached[entry] = true;
                    queue.add(entry);
                }
            }
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                    int w = graph.edgeTarget(e);
                    if (!reached[w] && allows(e)) {
                        reached[w] = true;
                        queue.add(w);
                    }
                }
            }
            // The first round of ShortestPaths: from class objects only, threads held back, no stack frames.
            distanceFromStatics = new int[n];
            Arrays.fill(distanceFromStatics, -1);
            for (int i = 0; i < graph.entryCount(); i++) {
                int entry = graph.entryObject(i);
                if (graph.kindOf(entry) == ObjectKind.CLASS && startsPaths(entry)) {
                    distanceFromStatics[entry] = 0;
                    queue.add(entry);
                }
            }
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                    int w = graph.edgeTarget(e);
                    if (distanceFromStatics[w] < 0 && !isThreadRoot(w) && graph.edgeKind(e) != EdgeKind.THREAD_LOCAL
                            && allows(e)) {
                        distanceFromStatics[w] = distanceFromStatics[v] + 1;
                        queue.add(w);
                    }
                }
            }
        }

        boolean reached(int object) {
            return reached[object];
        }

        int distanceFromStatics(int object) {
            return distanceFromStatics[object];
        }

        private boolean isThreadRoot(int object) {
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                if (graph.rootObject(r) == object && graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                    return true;
                }
            }
            return false;
        }

        boolean startsPaths(int entry) {
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                if (graph.rootObject(r) == entry && graph.rootThread(r) < 0
                        && !exclusions.roots().contains(graph.rootKind(r))) {
                    return true;
                }
            }
            return false;
        }

        boolean allows(int edge) {
            int source = graph.edgeSource(edge);
            EdgeKind kind = graph.edgeKind(edge);
            List<String> classNames = classNamesOf(source);
            if (kind == EdgeKind.REFERENT) {
                ReferenceKind referenceKind = ReferenceKind.WEAK;
                for (ReferenceKind candidate : ReferenceKind.values()) {
                    if (!java.util.Collections.disjoint(classNames, Arrays.asList(candidate.classNames()))) {
                        referenceKind = candidate;
                    }
                }
                if (exclusions.references().contains(referenceKind)) {
                    return false;
                }
            }
            if (kind == EdgeKind.THREAD_LOCAL) {
                boolean allowedRoot = false;
                for (int r = 0; r < graph.rootRecordCount(); r++) {
                    allowedRoot |= graph.rootThread(r) == source && graph.rootObject(r) == graph.edgeTarget(edge)
                            && !exclusions.roots().contains(graph.rootKind(r));
                }
                if (!allowedRoot) {
                    return false;
                }
            }
            for (FieldExclusion exclusion : exclusions.fields()) {
                boolean matches = classNames.stream().anyMatch(name -> name.equals(exclusion.classPattern())
                        || name.matches(exclusion.classPattern()));
                if (!matches) {
                    continue;
                }
                String field = graph.details().edgeName(edge);
                if (exclusion.fields().isEmpty() || exclusion.fields().contains(field)
                        || kind == EdgeKind.THREAD_LOCAL && exclusion.fields().contains("<locals>")) {
                    return false;
                }
            }
            return true;
        }

        /** For a class object, the class it stands for (its statics); otherwise its class and super classes. */
        private List<String> classNamesOf(int object) {
            List<String> names = new ArrayList<>();
            if (graph.kindOf(object) == ObjectKind.CLASS) {
                for (int c = 0; c < graph.classCount(); c++) {
                    if (graph.heapClass(c).classObject() == object) {
                        names.add(graph.className(c));
                        return names;
                    }
                }
            }
            for (int c = graph.classOf(object); c >= 0; c = graph.heapClass(c).superClass()) {
                names.add(graph.className(c));
            }
            return names;
        }
    }
}
