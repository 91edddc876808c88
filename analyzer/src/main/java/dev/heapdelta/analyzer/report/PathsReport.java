package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.format.PathStepRow;
import java.util.List;

/** Paths from GC roots to one object or to the instances of a class, merged where they read alike. */
public record PathsReport(String target, List<MergedPath> paths) {

    /**
     * One distinct path, root-first, and how many of the asked-for objects it leads to.
     *
     * @param steps the path of the first such object; for merged paths, other objects share the
     *     classes and edges of each step but not necessarily the ids
     */
    public record MergedPath(String pathKey, long count, List<PathStepRow> steps) {
    }
}
