package dev.heapdelta.app.cli;

import dev.heapdelta.app.mcp.AllowedRoots;
import dev.heapdelta.app.mcp.HeapDeltaMcpServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heapdelta mcp [--root DIR…] [--include-strings]}: the tools for an AI agent, over MCP on stdio. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serves HeapDelta's summary, diff, paths, oql and capture_list tools over the Model Context"
                + " Protocol on standard input and output (logs go to standard error).")
final class McpCommand implements Callable<Integer> {
    @Option(names = "--root", paramLabel = "DIR",
            description = "A directory whose dumps the tools may read (repeatable); the working directory if none.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--include-strings", description = "Show string contents in results (redacted by default).")
    boolean includeStrings;

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new UsageException("--root " + root + ": not a directory");
            }
        }
        // The real standard output, kept for the protocol before System.out is pointed elsewhere.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        HeapDeltaMcpServer.serve(System.in, protocol, AllowedRoots.of(roots), includeStrings, VersionProvider.version());
        return ExitCode.OK;
    }
}
