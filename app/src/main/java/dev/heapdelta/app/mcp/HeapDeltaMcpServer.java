package dev.heapdelta.app.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;

/** {@code heapdelta mcp}: the Model Context Protocol server on standard input and output. */
public final class HeapDeltaMcpServer {
    private HeapDeltaMcpServer() {
    }

    /**
     * Serves until the client closes standard input. Only protocol messages reach {@code protocolOut}:
     * {@code System.out} is pointed at standard error for the whole run, so no log line can corrupt the stream.
     */
    public static void serve(InputStream in, PrintStream protocolOut, AllowedRoots roots, boolean includeStrings,
            String version) throws InterruptedException {
        System.setOut(System.err);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        EndOfInput input = new EndOfInput(in);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, input, protocolOut);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("heapdelta", version)
                .instructions("HeapDelta analyses heap dumps (HPROF, V8 .heapsnapshot). To find a leak, call diff with"
                        + " two or more dumps of one process, oldest first. Files outside " + roots.describe()
                        + " are refused." + (includeStrings ? "" : " String contents are redacted."))
                .capabilities(ServerCapabilities.builder().tools(false).build())
                // A first analysis of a large dump takes minutes; the index cache makes the next call fast.
                .requestTimeout(Duration.ofMinutes(30))
                .tools(new HeapDeltaTools(json, roots, includeStrings).all())
                .build();
        try {
            input.await();
        } finally {
            server.closeGracefully();
        }
    }
}
