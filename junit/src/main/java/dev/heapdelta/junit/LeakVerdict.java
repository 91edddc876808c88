package dev.heapdelta.junit;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import java.util.List;

/** Which suspects of a test's dump series fail it, by the test's {@link LeakTestSettings}. */
final class LeakVerdict {
    private LeakVerdict() {
    }

    /** The failing suspects, in the report's ranking order (most likely leak first). */
    static List<Suspect> failing(DiffReport report, LeakTestSettings settings) {
        return report.suspects().stream()
                .filter(suspect -> !settings.ignores(suspect.pathKey()))
                .filter(suspect -> settings.failOnGrowthAbove() < 0 ? growsAtEveryStep(suspect, settings)
                        : suspect.retainedGrowth() > settings.failOnGrowthAbove())
                .toList();
    }

    static boolean growsAtEveryStep(Suspect suspect, LeakTestSettings settings) {
        if (suspect.trend() != Trend.GROWING) {
            return false;
        }
        Long[] series = settings.minGrowthInBytes() || suspect.elements() == null || suspect.elements().length == 0
                ? suspect.retainedBytes() : suspect.elements();
        for (int step = 1; step < series.length; step++) {
            if (valueOrZero(series[step]) - valueOrZero(series[step - 1]) < settings.minGrowth()) {
                return false;
            }
        }
        return true;
    }

    /** Absent from a dump: the structure did not exist yet, which is no entries and no bytes. */
    private static long valueOrZero(Long value) {
        return value == null ? 0 : value;
    }
}
