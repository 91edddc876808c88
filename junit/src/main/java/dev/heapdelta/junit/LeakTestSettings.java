package dev.heapdelta.junit;

import dev.heapdelta.analyzer.format.ByteSizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The options of one {@link LeakTest}, checked.
 *
 * @param minGrowth the least growth per step, in entries or in bytes as {@code minGrowthInBytes} says
 * @param failOnGrowthAbove -1 to fail on a suspect growing at every step, else the retained growth (first to
 *     last dump) beyond which a suspect fails the test
 */
record LeakTestSettings(int warmup, int iterations, long minGrowth, boolean minGrowthInBytes,
        List<Pattern> ignored, long failOnGrowthAbove) {

    static LeakTestSettings of(LeakTest annotation) {
        if (annotation.iterations() < 1) {
            throw new IllegalArgumentException("@LeakTest(iterations = " + annotation.iterations()
                    + "): at least 1 iteration is needed to compare two dumps");
        }
        if (annotation.warmup() < 0) {
            throw new IllegalArgumentException("@LeakTest(warmup = " + annotation.warmup() + "): must not be negative");
        }
        String min = annotation.minGrowthPerIteration().trim();
        boolean inBytes = !min.matches("\\d+( entries)?");
        long minGrowth = inBytes ? size("minGrowthPerIteration", min) : Long.parseLong(min.split(" ")[0]);
        if (minGrowth < 1) {
            throw new IllegalArgumentException("@LeakTest(minGrowthPerIteration = \"" + min + "\"): must be at least 1");
        }
        List<Pattern> ignored = new ArrayList<>();
        for (String pattern : annotation.ignore()) {
            ignored.add(glob(pattern));
        }
        String failOn = annotation.failOn().trim();
        long above = "growing".equals(failOn.toLowerCase(Locale.ROOT)) ? -1 : size("failOn", failOn);
        return new LeakTestSettings(annotation.warmup(), annotation.iterations(), minGrowth, inBytes,
                List.copyOf(ignored), above);
    }

    boolean ignores(String pathKey) {
        return pathKey != null && ignored.stream().anyMatch(pattern -> pattern.matcher(pathKey).matches());
    }

    private static long size(String option, String text) {
        try {
            return ByteSizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@LeakTest(" + option + " = \"" + text + "\"): " + e.getMessage()
                    + ("failOn".equals(option) ? "; or \"growing\"" : "; or a number of entries"), e);
        }
    }

    /** {@code *} is any text; everything else stands for itself (path keys are full of dots and brackets). */
    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
