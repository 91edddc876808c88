package dev.heapdelta.analyzer.format;

import java.util.Locale;

/** Byte sizes for people: {@code 21.6 MB}, and the {@code SIZE} option syntax (bytes, KB/MB/GB, base 1024). */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    public static String human(long bytes) {
        long magnitude = Math.abs(bytes);
        if (magnitude < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** A signed size: {@code +1.2 MB}. */
    public static String humanDelta(long bytes) {
        return (bytes > 0 ? "+" : "") + human(bytes);
    }

    /** Parses {@code 1048576}, {@code 512KB}, {@code 10MB}, {@code 1.5GB} (base 1024). */
    public static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long multiplier = 1;
        for (String[] suffix : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"},
                {"K", "1024"}, {"M", "1048576"}, {"G", "1073741824"}, {"B", "1"}}) {
            if (t.endsWith(suffix[0])) {
                multiplier = Long.parseLong(suffix[1]);
                t = t.substring(0, t.length() - suffix[0].length());
                break;
            }
        }
        try {
            double value = Double.parseDouble(t);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("not a size: " + text);
            }
            return Math.round(value * multiplier);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + text + " (write e.g. 500KB, 10MB, 1GB)", e);
        }
    }
}
