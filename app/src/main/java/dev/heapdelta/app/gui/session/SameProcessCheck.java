package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.analysis.FormatMismatch;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Why the snapshots of a series may come from different processes, where growth between them means
 * nothing: another runtime (HPROF and V8: the {@link FormatMismatch} the CLI refuses, a warning here),
 * another JVM build (identifier size, header, few class names in common), or V8 node ids that are mostly disjoint (a process keeps its ids; a new one starts again).
 */
public final class SameProcessCheck {
    /** Below this share of shared V8 node ids (or HPROF class names), the snapshots are unrelated. */
    static final double SHARED_MINIMUM = 0.10;
    private static final int SAMPLE = 20_000;

    private SameProcessCheck() {
    }

    /** One sentence per reason, comparing each snapshot from {@code firstAdded} with the one before it. */
    public static List<String> reasons(Comparison comparison, int firstAdded) {
        List<String> reasons = new ArrayList<>();
        for (int i = Math.max(1, firstAdded); i < comparison.size(); i++) {
            String why = reason(comparison.snapshot(i - 1), comparison.snapshot(i));
            if (!why.isEmpty()) {
                reasons.add(comparison.shortName(i) + " and " + comparison.shortName(i - 1) + ": " + why);
            }
        }
        return reasons;
    }

    static String reason(Snapshot before, Snapshot after) {
        HeapGraph a = before.graph();
        HeapGraph b = after.graph();
        if (FormatMismatch.between(before, after) != null) {
            return "one is a " + name(a.format()) + ", the other a " + name(b.format()) + " (different runtimes)";
        }
        if (a.format() == HeapFormat.HPROF) {
            if (a.info().idSize() != b.info().idSize()) {
                return "identifiers of " + a.info().idSize() + " and " + b.info().idSize()
                        + " bytes (different JVMs)";
            }
            double shared = sharedClassNames(a, b);
            return shared < SHARED_MINIMUM ? percent(shared) + " of the class names in common (different programs)"
                    : "";
        }
        double shared = sharedIds(a, b);
        return shared < SHARED_MINIMUM ? "only " + percent(shared) + " of the node ids in common (a V8 process keeps"
                + " its node ids, a new process starts them again)" : "";
    }

    private static double sharedClassNames(HeapGraph a, HeapGraph b) {
        Set<String> names = new HashSet<>();
        for (int c = 0; c < a.classCount(); c++) {
            names.add(a.className(c));
        }
        int shared = 0;
        for (int c = 0; c < b.classCount(); c++) {
            if (names.contains(b.className(c))) {
                shared++;
            }
        }
        return b.classCount() == 0 ? 1 : (double) shared / b.classCount();
    }

    /** The share of a sample of the later snapshot's node ids that the earlier one has. */
    private static double sharedIds(HeapGraph a, HeapGraph b) {
        int n = b.objectCount();
        int step = Math.max(1, n / SAMPLE);
        int sampled = 0;
        int found = 0;
        for (int o = 0; o < n; o += step) {
            sampled++;
            if (a.findObjectById(b.idOf(o)) >= 0) {
                found++;
            }
        }
        return sampled == 0 ? 1 : (double) found / sampled;
    }

    private static String name(HeapFormat format) {
        return format == HeapFormat.HPROF ? "Java heap dump (HPROF)" : "V8 heap snapshot";
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * share);
    }
}
