package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers, sizes, times and dump names. */
final class ReportFigures {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private static final int SHORT_NAME = 30;

    private ReportFigures() {
    }

    static String count(Long value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,d", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String signedCount(long value) {
        return String.format(Locale.ROOT, "%+,d", value);
    }

    static String size(Long bytes) {
        return bytes == null ? "–" : ByteSizes.human(bytes);
    }

    /** {@code +3.1 MB}, or {@code 0 B} without a sign. */
    static String sizeDelta(long bytes) {
        return ByteSizes.humanDelta(bytes);
    }

    static String time(long epochMillis, ZoneId zone) {
        return epochMillis <= 0 ? "not recorded" : TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(Math.abs(millis));
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return Math.max(d.toSeconds(), 0) + " s";
    }

    /** The file name without its directories. */
    static String fileName(String path) {
        String name = path;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }

    /** A dump's file name, shortened in the middle to fit chart axes and table columns. */
    static String shortName(SnapshotRow snapshot) {
        String name = fileName(snapshot.file());
        if (name.length() <= SHORT_NAME) {
            return name;
        }
        int head = SHORT_NAME / 2 - 1;
        return name.substring(0, head) + "…" + name.substring(name.length() - (SHORT_NAME - head - 1));
    }

    /** {@code #2 leaks-t1.hprof.gz}: how charts and tables name the i-th dump (0-based). */
    static String dumpLabel(SnapshotRow snapshot, int index) {
        return "#" + (index + 1) + " " + shortName(snapshot);
    }

    static String runtime(String format) {
        return switch (format) {
            case "hprof" -> "JVM (HPROF heap dump)";
            case "v8" -> "Node.js / V8 (heap snapshot)";
            default -> format;
        };
    }

    /** The process a dump comes from, after "heap dumps of". */
    static String process(String format) {
        return switch (format) {
            case "hprof" -> "a JVM";
            case "v8" -> "a Node.js process";
            default -> "one process";
        };
    }

    static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
