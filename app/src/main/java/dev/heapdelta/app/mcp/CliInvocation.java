package dev.heapdelta.app.mcp;

import dev.heapdelta.app.cli.HeapDeltaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of a {@code heapdelta} subcommand inside the server's JVM, so that a tool returns exactly the JSON the
 * CLI writes (and uses its index cache), with what it would print kept apart from the protocol's stdout.
 */
record CliInvocation(int exitCode, String out, String err) {

    static CliInvocation run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = HeapDeltaCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args.toArray(String[]::new));
        return new CliInvocation(code, out.toString(), err.toString());
    }
}
