package dev.heapdelta.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sized JVM of a V8 snapshot's summary compiles with the client compiler only, unless the user chose otherwise. */
class ShortRunCompilationTest {
    @Test
    void theClientCompilerOnlyUnlessTheUserChoseHowTheJvmCompiles() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), ShortRunCompilation.flagsFor(List.of()));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), ShortRunCompilation.flagsFor(List.of("-Xss1m")));
        for (String chosen : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint", "-Xcomp",
                "-XX:CompilationMode=high-only")) {
            assertEquals(List.of(), ShortRunCompilation.flagsFor(List.of("-Xss1m", chosen)), chosen);
        }
    }
}
