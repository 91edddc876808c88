package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.MappedFileWatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code heapdelta} command: subcommands only. */
@Command(name = "heapdelta", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compares heap dumps (HPROF, V8 .heapsnapshot) and names the leak.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:bad usage",
            "2:unreadable input (one line names the file and byte offset), or a dump beyond the graph's 32-bit"
                + " indexes",
            "3:growth threshold exceeded (diff --fail-on-growth)",
            "4:partial analysis of a truncated or damaged dump",
            "5:capture failed",
            "70:internal error (details in the log file named on stderr), or a machine fault said in one line",
            "130:cancelled"},
        footerHeading = "%nExample dumps:%n",
        footer = {"  heapdelta gui --example   opens the bundled example: a leaking JVM service dumped three times",
            "  In the repository: sample-dumps/java/leaks-t{0,1,2}.hprof.gz and sample-dumps/node/leaks-t{0,1,2}.heapsnapshot.gz",
            "  heapdelta diff sample-dumps/java/leaks-t0.hprof.gz sample-dumps/java/leaks-t1.hprof.gz"
                + " sample-dumps/java/leaks-t2.hprof.gz",
            "",
            "Run 'heapdelta COMMAND --help' for a command's options and examples."},
        subcommands = {SummaryCommand.class, DiffCommand.class, PathsCommand.class, OqlCommand.class,
            BenchCommand.class, CaptureCommand.class, GuiCommand.class, ThreadsCommand.class, InspectCommand.class,
            McpCommand.class})
public final class HeapDeltaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(commandLine(), args);
    }

    /** {@link #run(String...)} of another command line, for the tests of how errors end a run. */
    static int run(CommandLine commandLine, String... args) {
        WrittenOutput out = WrittenOutput.watching(commandLine.getOut());
        commandLine.setOut(out.printWriter());
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            if (System.getProperty(ExitCode.RETRY_IN_FIRST_JVM) != null && !out.anyWritten()) {
                // A heap sized to the dumps, too small for this one: the first JVM says so and runs it again.
                return ExitCode.SIZED_HEAP_TOO_SMALL;
            }
            // Not a bug in the dump or in HeapDelta: the JVM's heap is smaller than this dump needs.
            commandLine.getErr().println("heapdelta: not enough memory for this dump (Java heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); run it with --storage=mapped to analyse it"
                    + " out of core, or give Java more heap: java -Xmx8g -jar heapdelta.jar …");
            return ExitCode.INTERNAL_ERROR;
        } catch (InternalError e) {
            if (MappedFileWatch.explained(e) instanceof ColumnFileException cut) {
                commandLine.getErr().println("heapdelta: " + cut.getMessage());
                return ExitCode.INTERNAL_ERROR;
            }
            if (ColumnFileException.isFullDiskUnderAMappedColumn(e)) {
                commandLine.getErr().println("heapdelta: an out-of-core index file could not be written: is the disk of the"
                        + " cache directory full? Choose another with --cache-dir");
                return ExitCode.INTERNAL_ERROR;
            }
            return ExitCodeMapper.internalError(e, commandLine.getErr());
        } catch (StackOverflowError | NoClassDefFoundError | ExceptionInInitializerError e) {
            // Bugs or a broken installation: one line, details in a log file, as for any internal error.
            return ExitCodeMapper.internalError(e, commandLine.getErr());
        }
    }

    /** The configured command line, exit codes mapped in one place; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        ExitCodeMapper mapper = new ExitCodeMapper();
        return new CommandLine(new HeapDeltaCommand())
                .setExecutionExceptionHandler(mapper)
                .setParameterExceptionHandler(mapper);
    }
}
