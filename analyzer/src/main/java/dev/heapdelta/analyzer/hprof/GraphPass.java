package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second pass: reads again the stretches of sub-records the first pass accepted and gives each
 * object its class, MAT's shallow size, its record offset and its outgoing references. The order of
 * an object's edges is fixed, because {@link HprofObjectDetails} names edges by replaying it:
 * instance: its class, its non-null reference fields (class first, then superclasses), then the
 * locals its thread holds; object array: its class, then its non-null elements; class object:
 * {@code java.lang.Class}, its super class, its loader, then its non-null static references.
 *
 * <p>The stretches are split into {@link GraphPassShare}s of about equal bytes, read on as many
 * threads. Each object is read by exactly one share and the CSR layout depends only on object
 * indexes, so the graph is the same for any number of shares. A dump whose records depend on the
 * records before them across stretches is read in one share: Android's HEAP_DUMP_INFO, which names
 * the heap of the records after it, and duplicate object ids, of which the first in the file wins.
 */
final class GraphPass {
    private static final long PROGRESS_POLL_MILLIS = 200;

    final RecordScan scan;
    final ClassTable classes;
    final AddressIndex index;
    final ObjectLayout layout;
    final RootAttribution roots;
    final HeapGraphBuilder builder;
    private final BlockInput in;
    private final EdgeCollector edges;
    private final ReadProblems problems;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final int requestedShares;
    private final int[] classObjectByClass;
    private final int javaLangClassObject;
    private final List<GraphPassShare> shares = new ArrayList<>();
    private final Map<Integer, long[]> shallowBytesByAndroidHeap = new LinkedHashMap<>();
    private long[] claimed;
    private long totalBytes;
    private volatile boolean stopped;

    /**
     * @param shares how many threads may read the stretches (1 reads them on the calling thread alone)
     */
    GraphPass(BlockInput in, RecordScan scan, ClassTable classes, AddressIndex index, ObjectLayout layout,
            RootAttribution roots, HeapGraphBuilder builder, ReadProblems problems, CancelSignal cancel,
            ProgressListener progress, int shares) {
        this.in = in;
        this.scan = scan;
        this.classes = classes;
        this.index = index;
        this.layout = layout;
        this.roots = roots;
        this.builder = builder;
        this.edges = new EdgeCollector(index.size(), builder.store());
        this.problems = problems;
        this.cancel = cancel;
        this.progress = progress;
        this.requestedShares = Math.max(1, shares);
        this.classObjectByClass = new int[classes.count];
        for (int c = 0; c < classes.count; c++) {
            classObjectByClass[c] = classes.hasClassObject[c] ? index.indexOf(classes.addressByClass[c]) : -1;
        }
        this.javaLangClassObject = classes.javaLangClass < 0 ? -1 : classObjectByClass[classes.javaLangClass];
    }

    /** The references read, as CSR arrays; call once, after {@link #run}. */
    EdgeCollector.Csr edges() {
        return edges.finish(cancel);
    }

    int classObjectOf(int classIndex) {
        return classObjectByClass[classIndex];
    }

    int javaLangClassObject() {
        return javaLangClassObject;
    }

    /** Android: shallow bytes by heap id. */
    Map<Integer, long[]> shallowBytesByAndroidHeap() {
        return shallowBytesByAndroidHeap;
    }

    void run() throws IOException {
        int stretches = (int) scan.segmentStarts.size();
        for (int s = 0; s < stretches; s++) {
            totalBytes += scan.segmentEnds.get(s) - scan.segmentStarts.get(s);
        }
        boolean independent = scan.androidHeapById.isEmpty() && index.duplicates() == 0;
        makeShares(independent ? (int) Math.max(1, Math.min(requestedShares, stretches)) : 1, stretches);
        readShares();
        claimed = shares.get(0).claimed;
        long danglingReferences = 0;
        long duplicateObjects = 0;
        long payloadMismatches = 0;
        long firstDanglingAddress = 0;
        long firstDuplicateAddress = 0;
        for (GraphPassShare share : shares) {
            if (share.claimed != claimed) {
                for (int w = 0; w < claimed.length; w++) {
                    claimed[w] |= share.claimed[w];
                }
            }
            if (danglingReferences == 0) {
                firstDanglingAddress = share.firstDanglingAddress;
            }
            if (duplicateObjects == 0) {
                firstDuplicateAddress = share.firstDuplicateAddress;
            }
            danglingReferences += share.danglingReferences;
            duplicateObjects += share.duplicateObjects;
            payloadMismatches += share.payloadMismatches;
            share.shallowBytesByAndroidHeap.forEach((heap, bytes) ->
                    shallowBytesByAndroidHeap.computeIfAbsent(heap, id -> new long[1])[0] += bytes[0]);
        }
        shares.clear();
        addStandInClassObjects();
        fillUnclaimed();
        problems.warnMany("reference to an object not in the dump, dropped", danglingReferences,
                "0x" + Long.toHexString(firstDanglingAddress));
        problems.warnMany("duplicate object id, the first record kept", duplicateObjects,
                "0x" + Long.toHexString(firstDuplicateAddress));
        problems.warnMany("instance data size differs from its class layout", payloadMismatches, null);
        progress.progress(AnalysisPhase.GRAPH, totalBytes, totalBytes);
    }

    /** Cuts the stretches into runs of about {@code count} equal byte shares, in file order. */
    private void makeShares(int count, int stretches) {
        int first = 0;
        int classDumps = 0;
        long bytes = 0;
        for (int k = 0; k < count; k++) {
            long goal = totalBytes / count * (k + 1);
            int end = first;
            while (end < stretches && (k == count - 1 || bytes < goal)) {
                bytes += scan.segmentEnds.get(end) - scan.segmentStarts.get(end);
                end++;
            }
            BlockInput input = k == 0 ? in : in.sharingChannel();
            shares.add(new GraphPassShare(this, input, edges.newPart(), first, end, classDumps));
            long shareEnd = end == 0 ? 0 : scan.segmentEnds.get(end - 1);
            while (classDumps < scan.classDumps.size() && scan.classDumps.get(classDumps).recordOffset < shareEnd) {
                classDumps++;
            }
            first = end;
        }
    }

    private void readShares() throws IOException {
        List<Thread> threads = new ArrayList<>();
        Throwable[] failures = new Throwable[shares.size()];
        for (int k = 1; k < shares.size(); k++) {
            GraphPassShare share = shares.get(k);
            int slot = k;
            Thread thread = new Thread(() -> {
                try {
                    share.run();
                } catch (Throwable failure) {
                    // Handed to the reading thread, which rethrows it once every share has stopped.
                    failures[slot] = failure;
                    stopped = true;
                }
            }, "hprof-graph-pass-" + k);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            shares.get(0).run();
        } catch (Throwable failure) {
            failures[0] = failure;
            stopped = true;
        }
        for (Thread thread : threads) {
            joinReporting(thread);
        }
        for (Throwable failure : failures) {
            if (failure != null && !(failure instanceof Stopped)) {
                rethrow(failure);
            }
        }
    }

    /** How a share ends when another one failed: the failure, not this, is what the pass throws. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped because another share of the pass failed", null, false, false);
        }
    }

    private void joinReporting(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(PROGRESS_POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (!stopped()) {
                reportProgress();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    private boolean stopped() {
        return stopped || cancel.isCancelled();
    }

    /**
     * A share's checkpoint: throws when the pass is cancelled or another share failed; the calling
     * thread's share also reports the progress of all of them.
     */
    void checkpoint(GraphPassShare share) {
        cancel.throwIfCancelled();
        if (stopped) {
            throw new Stopped();
        }
        if (share == shares.get(0)) {
            reportProgress();
        }
    }

    private void reportProgress() {
        long done = 0;
        for (GraphPassShare share : shares) {
            done += share.bytesDone();
        }
        progress.progress(AnalysisPhase.GRAPH, done, totalBytes);
    }

    private boolean claim(int object) {
        int w = object >>> 6;
        long mask = 1L << object;
        if ((claimed[w] & mask) != 0) {
            return false;
        }
        claimed[w] |= mask;
        return true;
    }

    /** MAT's stand-in class objects: no record in the file; they reference java.lang.Class and their super. */
    private void addStandInClassObjects() {
        EdgeCollector.Part standIns = edges.newPart();
        for (int c = 0; c < classes.count; c++) {
            int object = classObjectByClass[c];
            if (classes.dumpByClass[c] != null || object < 0 || !claim(object)) {
                continue;
            }
            builder.setObject(object, classes.addressByClass[c], classes.javaLangClass, 0, ObjectKind.CLASS);
            builder.setRecordOffset(object, -1);
            standIns.begin(object);
            if (javaLangClassObject >= 0) {
                standIns.add(javaLangClassObject, EdgeKind.CLASS.code());
            }
            int superClass = classes.superByClass[c];
            if (superClass >= 0 && classObjectByClass[superClass] >= 0) {
                standIns.add(classObjectByClass[superClass], EdgeKind.CLASS_INTERNAL.code());
            }
        }
        standIns.end();
    }

    /** Objects the first pass listed but this one did not read (the file changed in between). */
    private void fillUnclaimed() {
        long missing = 0;
        for (int object = 0; object < index.size(); object++) {
            if ((claimed[object >>> 6] & (1L << object)) == 0) {
                builder.setObject(object, 0, -1, 0, ObjectKind.INSTANCE);
                builder.setRecordOffset(object, -1);
                missing++;
            }
        }
        problems.warnMany("object listed by the first pass but not read by the second", missing, null);
    }
}
