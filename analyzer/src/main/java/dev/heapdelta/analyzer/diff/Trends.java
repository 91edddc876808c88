package dev.heapdelta.analyzer.diff;

/**
 * Classifies a series of figures (element counts, retained bytes) into a {@link Trend}. A step
 * counts as up or down only beyond a noise margin, so that a single noisy step is not growth.
 */
public final class Trends {
    /** A step smaller than this share of the larger value, and below {@link #ABSOLUTE_NOISE}, is noise. */
    private static final double RELATIVE_NOISE = 0.02;
    private static final long ABSOLUTE_NOISE = 2;

    private Trends() {
    }

    /**
     * "series" with three or more snapshots; "two-snapshots" when a plateau cannot be told apart;
     * "single-snapshot" when there is no trend, only sizes.
     */
    public static String basis(int snapshots) {
        return snapshots >= 3 ? "series" : snapshots == 2 ? "two-snapshots" : "single-snapshot";
    }

    /** Classifies {@code values}; a null entry (absent in that snapshot) counts as zero. */
    public static Trend classify(Long[] values) {
        long[] v = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = values[i] == null ? 0 : values[i];
        }
        return classify(v);
    }

    public static Trend classify(long[] values) {
        if (values.length < 2) {
            return Trend.FLAT;
        }
        int ups = 0;
        int downs = 0;
        int[] steps = new int[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            steps[i - 1] = direction(values[i - 1], values[i]);
            if (steps[i - 1] > 0) {
                ups++;
            } else if (steps[i - 1] < 0) {
                downs++;
            }
        }
        if (values.length == 2) {
            return ups == 1 ? Trend.GROWING : downs == 1 ? Trend.SHRINKING : Trend.FLAT;
        }
        if (ups == steps.length) {
            return Trend.GROWING;
        }
        if (downs == 0 && ups > 0 && steps[steps.length - 1] == 0 && risesThenLevels(steps)) {
            return Trend.PLATEAU;
        }
        if (downs > 0 && ups == 0) {
            return Trend.SHRINKING;
        }
        if (ups == 0 && downs == 0) {
            return Trend.FLAT;
        }
        // Mixed movement: judge by the overall change between first and last.
        int overall = direction(values[0], values[values.length - 1]);
        if (overall > 0 && steps[steps.length - 1] > 0) {
            return Trend.GROWING;
        }
        return overall < 0 ? Trend.SHRINKING : Trend.FLAT;
    }

    /** Up steps first, then only flat ones. */
    private static boolean risesThenLevels(int[] steps) {
        boolean levelled = false;
        for (int step : steps) {
            if (step == 0) {
                levelled = true;
            } else if (levelled) {
                return false;
            }
        }
        return true;
    }

    /** +1 up, -1 down, 0 within noise. */
    static int direction(long from, long to) {
        long delta = to - from;
        long margin = Math.max(ABSOLUTE_NOISE, (long) (Math.max(Math.abs(from), Math.abs(to)) * RELATIVE_NOISE));
        if (delta > margin) {
            return 1;
        }
        if (delta < -margin) {
            return -1;
        }
        return 0;
    }
}
