package dev.heapdelta.app.cli;

/**
 * What the operating system measured of one child process run by {@code bench --commands}: wall time,
 * CPU time (user + system, the process and the children it waited for), and peak resident set size.
 * A figure the system could not give is -1.
 */
record ChildMeasurement(int exitCode, long wallMillis, long cpuMillis, long peakRssBytes, String errorTail) {
    boolean succeeded() {
        return exitCode == 0;
    }
}
