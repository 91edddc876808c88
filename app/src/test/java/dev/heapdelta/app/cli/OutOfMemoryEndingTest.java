package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How a command that runs out of heap ends: a sized JVM hands it back to the first JVM (exit 71) only while it
 * has printed nothing, since the first JVM's run prints the whole output again; otherwise it says so in one line.
 */
class OutOfMemoryEndingTest {
    /** Prints its table, then runs out of heap as a diff's PDF or index-cache entry could. */
    @Command(name = "table-then-heap")
    static final class TableThenOutOfHeap implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--print")
        boolean print;

        @Override
        public Integer call() {
            if (print) {
                spec.commandLine().getOut().println("class  retained growth");
            }
            // A real exhaustion of this JVM's heap would be slow and risky in a shared test JVM; the error is the same.
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearTheMark() {
        System.clearProperty(ExitCode.RETRY_IN_FIRST_JVM);
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new TableThenOutOfHeap());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return HeapDeltaCommand.run(commandLine, args);
    }

    @Test
    void aSizedJvmThatHasPrintedNothingHandsTheCommandBackToTheFirstJvm() {
        System.setProperty(ExitCode.RETRY_IN_FIRST_JVM, "true");
        assertEquals(ExitCode.SIZED_HEAP_TOO_SMALL, run());
        assertEquals("", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aSizedJvmThatHasPrintedPartOfItsOutputEndsWithTheOutOfMemoryLineInsteadOfPrintingItTwice() {
        System.setProperty(ExitCode.RETRY_IN_FIRST_JVM, "true");
        assertEquals(ExitCode.INTERNAL_ERROR, run("--print"));
        assertEquals("class  retained growth" + System.lineSeparator(), out.toString());
        assertTrue(err.toString().startsWith("heapdelta: not enough memory for this dump"), err.toString());
    }

    @Test
    void aJvmNotSizedByTheFirstOneSaysItHasNotEnoughMemory() {
        assertEquals(ExitCode.INTERNAL_ERROR, run());
        assertTrue(err.toString().startsWith("heapdelta: not enough memory for this dump"), err.toString());
    }
}
