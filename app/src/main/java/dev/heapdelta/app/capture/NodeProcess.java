package dev.heapdelta.app.capture;

/** A local Node process: its pid, command line, and the flags that decide how it can be captured. */
public record NodeProcess(long pid, String commandLine, NodeFlags flags) {
}
