package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.graph.RootKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Eclipse MAT's reading of the GC-root records, which decides what is reachable:
 * <ul>
 * <li>a Java-frame, JNI-local, native-stack or thread-block root whose thread serial names a thread
 * seen earlier in the dump is not a root: it becomes a reference from that thread object (and is
 * dropped when the thread object is not in the dump);</li>
 * <li>every other root whose object is in the dump makes that object an entry of the dominator tree;</li>
 * <li>a dump without any sticky-class root gets one for every non-array class of the boot loader.</li>
 * </ul>
 */
final class RootAttribution {
    final GrowableIntColumn rootObjects = new GrowableIntColumn();
    final List<RootKind> rootKinds = new ArrayList<>();
    final GrowableIntColumn rootThreads = new GrowableIntColumn();
    final Set<Integer> entries = new LinkedHashSet<>();
    /** Thread object index to the distinct objects its frames and JNI locals hold, in record order. */
    final Map<Integer, GrowableIntColumn> localsByThread = new HashMap<>();
    final BitSet threadsWithLocals = new BitSet();

    static RootAttribution of(RecordScan scan, AddressIndex index, ClassTable classes, ReadProblems problems) {
        RootAttribution result = new RootAttribution();
        Map<Integer, Set<Integer>> seenByThread = new HashMap<>();
        boolean stickyClassSeen = false;
        long roots = scan.rootAddresses.size();
        for (long r = 0; r < roots; r++) {
            HeapDumpTag tag = HeapDumpTag.ofCode(scan.rootTags.get(r));
            stickyClassSeen |= tag == HeapDumpTag.ROOT_STICKY_CLASS;
            long address = scan.rootAddresses.get(r);
            int object = index.indexOf(address);
            if (object < 0) {
                problems.warn("GC root names an object not in the dump", "0x" + Long.toHexString(address));
                continue;
            }
            long threadAddress = scan.rootThreadAddresses.get(r);
            if (tag.hasThreadSerial() && threadAddress != 0) {
                int thread = index.indexOf(threadAddress);
                if (thread < 0) {
                    problems.warn("thread-local GC root of a thread not in the dump, dropped as MAT does",
                            "0x" + Long.toHexString(address));
                    continue;
                }
                result.add(object, tag.rootKind, thread);
                if (seenByThread.computeIfAbsent(thread, t -> new java.util.HashSet<>()).add(object)) {
                    result.localsByThread.computeIfAbsent(thread, t -> new GrowableIntColumn()).add(object);
                    result.threadsWithLocals.set(thread);
                }
            } else {
                result.add(object, tag.rootKind, -1);
                result.entries.add(object);
            }
        }
        if (!stickyClassSeen) {
            result.addBootClassesAsRoots(classes, index);
        }
        return result;
    }

    private void add(int object, RootKind kind, int thread) {
        rootObjects.add(object);
        rootKinds.add(kind);
        rootThreads.add(thread);
    }

    private void addBootClassesAsRoots(ClassTable classes, AddressIndex index) {
        for (int c = 0; c < classes.count; c++) {
            if (!classes.hasClassObject[c] || classes.isArrayClass(c)) {
                continue;
            }
            long loader = classes.loaderAddressByClass[c];
            if (loader != 0 && index.indexOf(loader) >= 0) {
                continue;
            }
            int object = index.indexOf(classes.addressByClass[c]);
            if (object >= 0 && entries.add(object)) {
                add(object, RootKind.STICKY_CLASS, -1);
            }
        }
    }

    int[] localsOf(int thread) {
        GrowableIntColumn locals = localsByThread.get(thread);
        return locals == null ? new int[0] : locals.toArray();
    }
}
