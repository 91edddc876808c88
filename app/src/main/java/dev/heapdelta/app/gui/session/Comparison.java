package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open series: the analysed snapshots in the order the user gave them and their diff report.
 * Owns the snapshots and closes them. Read-only after construction, so background tasks may share it.
 */
public final class Comparison implements AutoCloseable {
    private final List<Snapshot> snapshots;
    private final List<Path> files;
    private final DiffReport report;
    private final boolean suspectsPending;
    private final List<Map<String, int[]>> classIndexesByKeyBySnapshot = new ArrayList<>();
    private final SameObject sameObject = new SameObject(this);

    public Comparison(List<Snapshot> snapshots, List<Path> files, DiffReport report) {
        this(snapshots, files, report, false);
    }

    /**
     * A comparison whose report has the snapshots and the class diff but no findings yet: the leak detectors
     * still run ({@link dev.heapdelta.app.gui.loading.SuspectSearch}), and {@link #withSuspects} is the comparison
     * with them.
     */
    public static Comparison suspectsPending(List<Snapshot> snapshots, List<Path> files, DiffReport firstScreen) {
        return new Comparison(snapshots, files, firstScreen, true);
    }

    private Comparison(List<Snapshot> snapshots, List<Path> files, DiffReport report, boolean suspectsPending) {
        this.suspectsPending = suspectsPending;
        if (snapshots.size() != files.size()) {
            throw new IllegalArgumentException(snapshots.size() + " snapshots for " + files.size() + " files");
        }
        this.snapshots = List.copyOf(snapshots);
        this.files = List.copyOf(files);
        this.report = report;
        for (int i = 0; i < snapshots.size(); i++) {
            classIndexesByKeyBySnapshot.add(null);
        }
    }

    public int size() {
        return snapshots.size();
    }

    public Snapshot snapshot(int index) {
        return snapshots.get(index);
    }

    public List<Path> files() {
        return files;
    }

    public int lastIndex() {
        return snapshots.size() - 1;
    }

    /** The file name without its folder: what column headers and legends show. */
    public String shortName(int index) {
        Path name = files.get(index).getFileName();
        return name == null ? files.get(index).toString() : name.toString();
    }

    public List<String> shortNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            names.add(shortName(i));
        }
        return names;
    }

    public DiffReport report() {
        return report;
    }

    /** The snapshots in the user's order, oldest first. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /**
     * The same snapshots with another report of them (the suspects with their code sites, say). The two
     * share the snapshots: whichever stays open owns them.
     */
    public Comparison withReport(DiffReport replaced) {
        return new Comparison(snapshots, files, replaced, suspectsPending);
    }

    /** The same snapshots with their report's findings found: no longer pending. */
    public Comparison withSuspects(DiffReport found) {
        return new Comparison(snapshots, files, found, false);
    }

    /**
     * Whether the report's suspects, large retainers and bounded caches are still being searched: empty lists
     * then say nothing about the dumps.
     */
    public boolean suspectsPending() {
        return suspectsPending;
    }

    /** Finds an object of one snapshot in another, for the Δ columns. */
    public SameObject sameObject() {
        return sameObject;
    }

    /**
     * The retained size of {@code object} of {@code snapshot} minus that of the same object in {@code base},
     * or {@link Long#MIN_VALUE} where the object cannot be found there (see {@link SameObject}).
     */
    public long retainedDelta(int snapshot, int object, int base) {
        java.util.OptionalInt there = sameObject.in(snapshot, object, base);
        if (there.isEmpty()) {
            return Long.MIN_VALUE;
        }
        return snapshots.get(snapshot).dominatorTree().retainedSizeOf(object)
                - snapshots.get(base).dominatorTree().retainedSizeOf(there.getAsInt());
    }

    /** The class indexes of {@code snapshot} that the diff groups under {@code classKey}. */
    public synchronized int[] classIndexesOf(int snapshot, String classKey) {
        Map<String, int[]> byKey = classIndexesByKeyBySnapshot.get(snapshot);
        if (byKey == null) {
            byKey = new HashMap<>();
            HeapGraph graph = snapshots.get(snapshot).graph();
            for (int c = 0; c < graph.classCount(); c++) {
                String key = ClassDiffs.keyOf(graph, graph.heapClass(c));
                int[] known = byKey.get(key);
                int[] grown = known == null ? new int[1] : java.util.Arrays.copyOf(known, known.length + 1);
                grown[grown.length - 1] = c;
                byKey.put(key, grown);
            }
            classIndexesByKeyBySnapshot.set(snapshot, byKey);
        }
        return byKey.getOrDefault(classKey, new int[0]);
    }

    /**
     * The class object of a class, for its statics: in the last snapshot that has the class. Empty for V8,
     * whose classes have no object of their own.
     */
    public Optional<ObjectRef> classObjectOf(String classKey) {
        for (int s = lastIndex(); s >= 0; s--) {
            HeapGraph graph = snapshots.get(s).graph();
            for (int c : classIndexesOf(s, classKey)) {
                int object = graph.heapClass(c).classObject();
                if (object >= 0) {
                    return Optional.of(new ObjectRef(s, object));
                }
            }
        }
        return Optional.empty();
    }

    /** The last snapshot in which a suspect is present: where its path to a GC root was taken. */
    public int snapshotOf(Suspect suspect) {
        Long[] figures = suspect.retainedBytes() != null ? suspect.retainedBytes() : suspect.elements();
        if (figures != null) {
            for (int i = figures.length - 1; i >= 0; i--) {
                if (figures[i] != null) {
                    return i;
                }
            }
        }
        return lastIndex();
    }

    /** The object a suspect names: the end of its path to a GC root, in the snapshot the path was taken from. */
    public Optional<ObjectRef> objectOf(Suspect suspect) {
        List<PathStepRow> path = suspect.pathToRoot();
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return resolve(snapshotOf(suspect), path.get(path.size() - 1).id());
    }

    /** Finds an object by its written id ({@code 0x…} or {@code @…}) in one snapshot. */
    public Optional<ObjectRef> resolve(int snapshot, String writtenId) {
        if (writtenId == null || writtenId.isEmpty()) {
            return Optional.empty();
        }
        long id;
        try {
            id = ObjectIds.parse(writtenId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int object = snapshots.get(snapshot).graph().findObjectById(id);
        return object < 0 ? Optional.empty() : Optional.of(new ObjectRef(snapshot, object));
    }

    @Override
    public void close() {
        for (Snapshot snapshot : snapshots) {
            try {
                snapshot.close();
            } catch (Exception ignored) {
                // Closing only releases file handles; nothing the user sees depends on it.
            }
        }
    }
}
