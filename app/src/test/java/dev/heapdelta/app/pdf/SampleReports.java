package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectBaseline;
import java.util.ArrayList;
import java.util.List;

/** Diff reports built by hand, shaped like the analyzer's, with a secret planted where a dump's strings can show. */
final class SampleReports {
    static final String SECRET = "SECRET-TOKEN-planted-4f2a";

    private SampleReports() {
    }

    static DiffReport threeDumps(boolean includeStrings) {
        return new DiffReport(snapshots(3, false), classes(3, 80), suspects(3), List.of(), "series",
                "every reference retains, Reference.referent included (as Eclipse MAT)", includeStrings,
                SuspectBaseline.NONE);
    }

    static DiffReport twoDumps() {
        return new DiffReport(snapshots(2, false), classes(2, 10), suspects(2), List.of(), "two-snapshots",
                "every reference retains, Reference.referent included (as Eclipse MAT)", false,
                SuspectBaseline.NONE);
    }

    static DiffReport withPartialDump() {
        return new DiffReport(snapshots(3, true), classes(3, 10), suspects(3), List.of(), "series",
                "every reference retains, Reference.referent included (as Eclipse MAT)", false,
                SuspectBaseline.NONE);
    }

    static DiffReport withoutSuspects() {
        return new DiffReport(snapshots(3, false), classes(3, 5), List.of(), List.of(), "series",
                "every reference retains, Reference.referent included (as Eclipse MAT)", false,
                SuspectBaseline.NONE);
    }

    static List<SnapshotRow> snapshots(int n, boolean lastPartial) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean partial = lastPartial && i == n - 1;
            rows.add(new SnapshotRow("/var/dumps/service-t" + i + ".hprof.gz", "hprof", 100_000 + 40_000L * i,
                    20_000_000 + 6_000_000L * i, partial, partial ? 123_456 : 0,
                    1_717_230_000_000L + 90_000L * i, 1_200_000 + 900_000L * i));
        }
        return rows;
    }

    static List<Suspect> suspects(int n) {
        String basis = n >= 3 ? "series" : "two-snapshots";
        List<Suspect> suspects = new ArrayList<>();
        suspects.add(new Suspect(SuspectKind.GROWING_COLLECTION,
                "HashMap at static SessionStore.CACHE grew from 500 to 6,000 entries (+3.1 MB retained)",
                "java.util.HashMap", "static SessionStore.CACHE", series(n, 500, 6_000), series(n, 300_000, 3_550_000),
                Trend.GROWING, basis, List.of(
                        new PathStepRow("0x7f0010", "java.lang.Class", "CACHE"),
                        new PathStepRow("0x7f0020", "java.util.HashMap", "")),
                List.of("dev.heapdelta.samples.service.Session 0x7f2231a0, retains 1.1 KB"), List.of(),
                List.of(new Evidence("dev.heapdelta.samples.service.Session", series(n, 500, 6_000),
                        series(n, 280_000, 3_400_000))),
                List.of("entries count growing across " + n + " snapshots (" + basis + ")"), ids(n, "0x7f0020")));
        suspects.add(new Suspect(SuspectKind.LISTENER_ACCUMULATION,
                "ArrayList at static EventBus.LISTENERS grew from 125 to 1,500 listeners (+780.5 KB retained)",
                "java.util.ArrayList", "static EventBus.LISTENERS", series(n, 125, 1_500), series(n, 70_000, 870_000),
                Trend.GROWING, basis, List.of(
                        new PathStepRow("0x7f0030", "java.lang.Class", "LISTENERS"),
                        new PathStepRow("0x7f0040", "java.util.ArrayList", "")),
                List.of(), List.of(), List.of(), List.of("listeners count growing"), ids(n, "0x7f0040")));
        // A V8-style dictionary keyed by session token: the key is data from the dump and must not show.
        suspects.add(new Suspect(SuspectKind.GROWING_CLASS,
                "Timeout grew from 10 to 2,400 instances (+1.2 MB retained)", "Timeout",
                "Module(timers.js) › registry › []", series(n, 10, 2_400), series(n, 5_000, 1_250_000),
                Trend.GROWING, basis, List.of(
                        new PathStepRow("@1", "(GC roots)", "(Global handles)"),
                        new PathStepRow("@3", "system / Context", "registry"),
                        new PathStepRow("@5", "Object", SECRET),
                        new PathStepRow("@7", "Timeout", "")),
                List.of("Timeout @7, retains 512 B"), List.of("timers.js:12:5"), List.of(),
                List.of("instances growing"), new String[n]));
        return suspects;
    }

    static List<ClassDiffRow> classes(int n, int count) {
        List<ClassDiffRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long base = 1_000L * (count - i);
            String name = i == 0 ? "com.google.common.cache.LocalCache$StrongAccessEntryWithAVeryLongNameToWrap"
                    : "com.example.generated.Class" + i;
            rows.add(new ClassDiffRow(name, name, series(n, 10 + i, 10 + 50L * (count - i)),
                    series(n, base, base * 5), series(n, base * 2, base * 12), null, null, Trend.GROWING));
        }
        return rows;
    }

    static String[] ids(int n, String id) {
        String[] ids = new String[n];
        java.util.Arrays.fill(ids, id);
        return ids;
    }

    /** Evenly spaced values from first to last. */
    static Long[] series(int n, long first, long last) {
        Long[] values = new Long[n];
        for (int i = 0; i < n; i++) {
            values[i] = first + (last - first) * i / (n - 1);
        }
        return values;
    }
}
