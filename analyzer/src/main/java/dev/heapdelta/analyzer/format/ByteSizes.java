package dev.heapdelta.analyzer.format;

import java.util.Locale;

/**
 * Byte sizes for people: {@code 21.6 MB} (base 1024, as MAT and the JDK write them), and the {@code SIZE}
 * option syntax, whose suffixes keep their standard meanings: KB, MB, GB, TB are powers of 1000, KiB, MiB,
 * GiB, TiB powers of 1024, and the bare K, M, G, T (an older shorthand of these options) powers of 1024.
 */
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

    /** Parses {@code 1048576}, {@code 500KB} (500,000), {@code 10MiB} (10 × 2^20), {@code 1.5G} (1.5 × 2^30). */
    public static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long multiplier = 1;
        for (String[] suffix : new String[][] {
            {"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"}, {"TIB", "1099511627776"},
            {"KB", "1000"}, {"MB", "1000000"}, {"GB", "1000000000"}, {"TB", "1000000000000"},
            {"K", "1024"}, {"M", "1048576"}, {"G", "1073741824"}, {"T", "1099511627776"}, {"B", "1"}}) {
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
            throw new IllegalArgumentException("not a size: " + text
                    + " (write bytes, or e.g. 500KB, 10MB, 1GB in powers of 1000, 512KiB, 10MiB, 1GiB in powers of 1024)",
                    e);
        }
    }
}
