package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classes defined by more and more class loaders across the series ({@link DuplicateClasses} per
 * snapshot, matched by class name): each redeploy leaves its loader alive. Reported as
 * "15 copies of {@code MetricsHandler} under 15 URLClassLoader loaders, +5 per snapshot", with the
 * path that keeps the oldest loader alive. What the loaders hold themselves (their
 * {@code parallelLockMap}, {@code package2certs}, class lists) is their machinery, never a row
 * ({@link ContainerCensus} leaves it out).
 */
public final class ClassLoaderLeakDetector implements LeakDetector {
    private static final int EVIDENCE_NAMES = 5;

    @Override
    public List<Suspect> detect(SeriesContext series) {
        int n = series.size();
        if (n < 2) {
            return List.of();
        }
        List<List<DuplicateClasses.Group>> groupsBySnapshot = new ArrayList<>();
        for (Snapshot snapshot : series.snapshots()) {
            groupsBySnapshot.add(DuplicateClasses.of(snapshot));
        }
        List<Suspect> suspects = new ArrayList<>();
        for (DuplicateClasses.Group last : groupsBySnapshot.get(n - 1)) {
            String name = last.classNames().get(0);
            DuplicateClasses.Group[] matched = new DuplicateClasses.Group[n];
            Long[] loaders = new Long[n];
            for (int s = 0; s < n; s++) {
                matched[s] = s == n - 1 ? last : groupWith(groupsBySnapshot.get(s), name);
                // One copy is no duplicate: the class is there, under one loader.
                loaders[s] = matched[s] == null ? 1L : (long) matched[s].loaders().length;
            }
            long growth = loaders[n - 1] - loaders[0];
            if (growth < 2 || Trends.classify(loaders) != Trend.GROWING) {
                continue;
            }
            suspects.add(suspectOf(series, matched, loaders, growth));
        }
        return suspects;
    }

    private static DuplicateClasses.Group groupWith(List<DuplicateClasses.Group> groups, String name) {
        for (DuplicateClasses.Group group : groups) {
            if (group.classNames().contains(name)) {
                return group;
            }
        }
        return null;
    }

    private static Suspect suspectOf(SeriesContext series, DuplicateClasses.Group[] matched, Long[] loaders,
            long growth) {
        int n = series.size();
        DuplicateClasses.Group last = matched[n - 1];
        Snapshot lastSnapshot = series.last();
        String loaderClass = PathKeys.simpleName(lastSnapshot.graph().classNameOf(last.loaders()[0]));
        String first = last.classNames().get(0);
        int others = last.classNames().size() - 1;
        long perStep = Math.round((double) growth / (n - 1));
        String title = String.format(Locale.ROOT, "%,d copies of %s%s under %,d %s loaders, +%,d per snapshot",
                loaders[n - 1], first, others == 0 ? "" : String.format(Locale.ROOT, " and of %,d more classes", others),
                loaders[n - 1], loaderClass, perStep);
        Long[] retained = new Long[n];
        int[] oldest = new int[n];
        for (int s = 0; s < n; s++) {
            oldest[s] = matched[s] == null ? -1 : matched[s].loaders()[0];
            if (matched[s] != null) {
                DominatorTree tree = series.snapshots().get(s).dominatorTree();
                long sum = 0;
                for (int loader : matched[s].loaders()) {
                    sum += tree.retainedSizeOf(loader);
                }
                retained[s] = sum;
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String name : last.classNames().subList(0, Math.min(EVIDENCE_NAMES, last.classNames().size()))) {
            Long[] copies = new Long[n];
            for (int s = 0; s < n; s++) {
                DuplicateClasses.Group group = matched[s] == null ? null : groupWith(List.of(matched[s]), name);
                copies[s] = group == null ? 1L : (long) group.loaders().length;
            }
            evidence.add(new Evidence(name, copies, new Long[n]));
        }
        int oldestLoader = last.loaders()[0];
        return new Suspect(SuspectKind.CLASSLOADER_LEAK, title, first, lastSnapshot.pathKeyOf(oldestLoader), loaders,
                retained, Trend.GROWING, series.trendBasis(), series.pathRows(n - 1, oldestLoader), List.of(),
                List.of(), evidence,
                List.of(String.format(Locale.ROOT, "live %s loaders defining the same %,d classes: %s; each redeploy "
                        + "leaves one behind, and the path keeps the oldest alive", loaderClass,
                        last.classNames().size(), GrowingCollectionDetector.series(loaders))),
                series.objectIds(oldest));
    }
}
