package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.MixedFormatsException;
import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.oql.OqlException;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.store.ColumnFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and one-line messages: typed exceptions map to
 * their code; anything else is a bug, logged in full to a file that the message names.
 */
final class ExitCodeMapper implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("heapdelta: " + usageMessage(e, cmd));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    /** picocli's words where they help; where they do not (a mistyped command), what to type instead. */
    private static String usageMessage(CommandLine.ParameterException e, CommandLine cmd) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cmd.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String typed = unmatched.getUnmatched().get(0);
            return ClosestCommand.to(typed, cmd.getSubcommands().keySet())
                    .map(name -> "unknown command '" + typed + "'; did you mean '" + name + "'?")
                    .orElse("unknown command '" + typed + "'; the commands are "
                            + String.join(", ", cmd.getSubcommands().keySet()));
        }
        return e.getMessage();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof DumpFormatException) {
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof NoSuchFileException missing) {
            err.println("heapdelta: file not found: " + missing.getFile());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            err.println("heapdelta: file " + denied.getFile() + ": permission denied at offset 0");
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof AnalysisCancelledException) {
            err.println("heapdelta: cancelled");
            return ExitCode.CANCELLED;
        }
        if (e instanceof OqlException) {
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof MixedFormatsException) {
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof UsageException) {
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof GraphLimitException) {
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof ColumnFileException) {
            // The machine, not HeapDelta, failed (a read-only or full cache directory): say what, no log.
            err.println("heapdelta: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        if (e instanceof CaptureFailedException) {
            err.println("heapdelta: capture failed: " + e.getMessage());
            return ExitCode.CAPTURE_FAILED;
        }
        return internalError(e, err);
    }

    static int internalError(Throwable e, PrintWriter err) {
        String details = stackTrace(e);
        try {
            Path log = Files.createTempFile("heapdelta-error-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-", ".log");
            Files.writeString(log, details);
            err.println("heapdelta: internal error (" + e.getClass().getSimpleName() + "); details in " + log);
        } catch (IOException logFailed) {
            err.println("heapdelta: internal error (" + e + "); the log file could not be written: "
                    + logFailed.getMessage());
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
