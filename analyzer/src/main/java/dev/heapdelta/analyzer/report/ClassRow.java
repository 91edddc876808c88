package dev.heapdelta.analyzer.report;

/** One row of a class histogram: {@code topClasses} in the summary JSON. */
public record ClassRow(String name, String key, long count, long shallowBytes, long retainedBytes) {
}
