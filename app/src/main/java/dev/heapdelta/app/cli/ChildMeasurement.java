package dev.heapdelta.app.cli;

/**
 * What the operating system measured of one child process run by {@code bench --commands}: wall time,
 * CPU time (user + system, the process and the children it waited for), and peak resident set size.
 * A figure the system could not give is -1.
 *
 * @param overviewShownMillis the wall time until the child said its overview was shown (the app's timing run
 *     says so, then waits for its index-cache entries before it exits); -1 for a child that said nothing so
 */
record ChildMeasurement(int exitCode, long wallMillis, long cpuMillis, long peakRssBytes, String errorTail,
        long overviewShownMillis) {
    boolean succeeded() {
        return exitCode == 0;
    }
}
