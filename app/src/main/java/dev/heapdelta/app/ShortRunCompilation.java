package dev.heapdelta.app;

import java.util.List;

/**
 * Whether a sized JVM should compile with the client compiler only ({@code -XX:TieredStopAtLevel=1}):
 * for the summary of a V8 snapshot, whose analysis is a dozen passes of a few hundred milliseconds each,
 * every one of them run once. The server compiler's code for such a pass comes when the pass is mostly
 * done, and compiling it takes the second core from the analysis. {@code summary} of the 470 MB V8
 * benchmark snapshot into an empty cache directory, three runs each way on the project's 2-core VM
 * (loaded): 8.7 s wall and 7.3 s user CPU median with the client compiler only, 11.0 s and 9.3 s with both.
 *
 * <p>Not for HPROF dumps, whose dominators and paths run for tens of seconds over tens of millions of
 * objects, nor for the app, which keeps running after its first analysis; not yet for the other commands
 * on V8 snapshots (a diff runs each pass once per snapshot), which were not measured so.
 */
final class ShortRunCompilation {
    static final String FLAG = "-XX:TieredStopAtLevel=1";

    private ShortRunCompilation() {
    }

    /** The flag, or none when the user chose how the JVM compiles ({@code jvmArguments}). */
    static List<String> flagsFor(List<String> jvmArguments) {
        boolean chosen = jvmArguments.stream().anyMatch(argument -> argument.contains("Tiered")
                || argument.equals("-Xint") || argument.equals("-Xcomp") || argument.contains("CompilationMode"));
        return chosen ? List.of() : List.of(FLAG);
    }
}
