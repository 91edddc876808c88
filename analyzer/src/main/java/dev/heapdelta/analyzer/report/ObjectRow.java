package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.format.PathStepRow;
import java.util.List;

/** One object as the summary's {@code topDominators} and {@code biggestObjects} show it. */
public record ObjectRow(String id, String className, String label, long shallowBytes, long retainedBytes,
        String pathKey, List<PathStepRow> pathToRoot) {
}
