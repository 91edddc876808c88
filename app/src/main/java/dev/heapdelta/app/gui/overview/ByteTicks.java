package dev.heapdelta.app.gui.overview;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Size axes whose ticks fall on round values in the app's units (KB = 1024 bytes, as everywhere on screen):
 * 0, 2 MB, 4 MB rather than JFreeChart's decimal 0, 1.9 MB, 3.8 MB. Each label is the tick's exact value.
 */
final class ByteTicks {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};
    /**
     * Steps within a unit. 256 and 512 divide the next unit, so their ticks read 512 KB, 1 MB, 1.5 MB;
     * there is no 500, whose ticks (1500 KB = 1.46 MB) would have no exact short label.
     */
    private static final int[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 256, 512};
    private static final NumberFormat FORMAT = new Format();

    private ByteTicks() {
    }

    static TickUnitSource units() {
        TickUnits units = new TickUnits();
        for (int unit = 0; unit < UNITS.length; unit++) {
            double bytes = Math.pow(1024, unit);
            for (int step : STEPS) {
                units.add(new NumberTickUnit(step * bytes, FORMAT));
            }
        }
        return units;
    }

    /**
     * {@code 0}, {@code 200 KB}, {@code 1.5 MB}, {@code 1200 KB}: the value in the largest unit that writes it
     * exactly with at most one decimal.
     */
    static String label(double bytes) {
        long value = Math.round(bytes);
        if (value == 0) {
            return "0";
        }
        for (int unit = UNITS.length - 1; unit > 0; unit--) {
            double inUnit = value / Math.pow(1024, unit);
            double tenths = inUnit * 10;
            if (Math.abs(inUnit) >= 1 && Math.abs(tenths - Math.rint(tenths)) < 1e-9) {
                return (Math.rint(inUnit) == inUnit ? String.format(Locale.ROOT, "%d", (long) inUnit)
                        : String.format(Locale.ROOT, "%.1f", inUnit)) + " " + UNITS[unit];
            }
        }
        return value + " B";
    }

    /** The axis's tick labels. */
    private static final class Format extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
            return target.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
            return target.append(label(number));
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return null;
        }
    }
}
