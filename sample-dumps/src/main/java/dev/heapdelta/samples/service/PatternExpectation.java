package dev.heapdelta.samples.service;

import java.util.function.IntUnaryOperator;

/**
 * One pattern of the sample service, where it lives, and how many elements its container holds after a number
 * of requests, by the service's rules rather than by measuring it. {@code expectedSuspect} is null for a pattern
 * that is not a leak.
 */
public record PatternExpectation(String pattern, Class<?> owner, String staticField, String container,
        String expectedTrend, String expectedSuspect, String description, IntUnaryOperator elementsAfterRequests) {

    /** The path key DESIGN.md §4 gives a static field: {@code static SimpleClassName.FIELD}. */
    public String pathKey() {
        return "static " + owner.getSimpleName() + "." + staticField;
    }

    public boolean isLeak() {
        return expectedSuspect != null;
    }
}
