package dev.heapdelta.app.cli;

/** The exit codes of {@code heapdelta}, part of its interface (DESIGN.md §6). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INVALID_INPUT = 2;
    public static final int GROWTH_THRESHOLD_EXCEEDED = 3;
    /** {@code oql --fail-if}: the condition held for a dump; the same CI meaning as a growth threshold. */
    public static final int FAIL_IF_HELD = 3;
    public static final int PARTIAL_ANALYSIS = 4;
    public static final int CAPTURE_FAILED = 5;
    public static final int INTERNAL_ERROR = 70;
    /**
     * Never the process's own: a JVM sized to the dumps ran out of heap, and the first JVM, whose heap may
     * grow further, runs the command again itself ({@code SizedRelaunch}).
     */
    public static final int SIZED_HEAP_TOO_SMALL = 71;
    /** The system property by which the first JVM tells a sized one that it may answer {@link #SIZED_HEAP_TOO_SMALL}. */
    public static final String RETRY_IN_FIRST_JVM = "heapdelta.heapSized.retry";
    public static final int CANCELLED = 130;

    private ExitCode() {
    }
}
