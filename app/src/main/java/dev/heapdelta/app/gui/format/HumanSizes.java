package dev.heapdelta.app.gui.format;

import dev.heapdelta.analyzer.format.ByteSizes;
import java.text.NumberFormat;
import java.util.Locale;

/** How the app writes sizes and counts: {@code 21.6 MB} on screen, exact bytes in tooltips. */
public final class HumanSizes {
    private HumanSizes() {
    }

    public static String size(long bytes) {
        return ByteSizes.human(bytes);
    }

    public static String delta(long bytes) {
        return ByteSizes.humanDelta(bytes);
    }

    /** {@code 1,234,567 bytes}: what a tooltip shows. */
    public static String exactBytes(long bytes) {
        return count(bytes) + " bytes";
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    public static String countDelta(long value) {
        return (value > 0 ? "+" : "") + count(value);
    }

    /** {@code 12.5%} of a total; empty when the total is zero. */
    public static String percent(long part, long total) {
        if (total <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }
}
