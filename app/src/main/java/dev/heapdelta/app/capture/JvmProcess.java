package dev.heapdelta.app.capture;

/** A local JVM that can be dumped: its pid and what it runs (main class or jar, as jcmd -l shows it). */
public record JvmProcess(long pid, String displayName) {
}
