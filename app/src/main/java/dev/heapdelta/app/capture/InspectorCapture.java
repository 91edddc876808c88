package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes a V8 heap snapshot over a Node inspector's DevTools protocol: {@code HeapProfiler.enable},
 * then {@code HeapProfiler.takeHeapSnapshot {reportProgress: true}}, with the chunks streamed to the file.
 */
final class InspectorCapture {
    private static final String ENABLE = "{\"id\":" + HeapSnapshotSession.ENABLE_ID
            + ",\"method\":\"HeapProfiler.enable\"}";
    private static final String TAKE_SNAPSHOT = "{\"id\":" + HeapSnapshotSession.TAKE_SNAPSHOT_ID
            + ",\"method\":\"HeapProfiler.takeHeapSnapshot\",\"params\":{\"reportProgress\":true}}";
    private static final long POLL_MILLIS = 100;

    private final CaptureListener listener;
    private final CancelSignal cancel;

    InspectorCapture(CaptureListener listener, CancelSignal cancel) {
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(InspectorEndpoint endpoint, DumpDestination destination, CaptureOptions options)
            throws CaptureException {
        endpoint.requireAllowed();
        // Node's inspector answers an HTTP/2 upgrade request with 400; it speaks plain HTTP/1.1.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.commandTimeout()).build();
        URI socketUri = InspectorTargets.webSocketUri(endpoint, client, options.commandTimeout(), listener);
        HeapSnapshotSession session;
        try {
            session = new HeapSnapshotSession(destination.partial(), listener);
        } catch (IOException e) {
            throw new CaptureException("cannot write " + destination.partial() + ": " + e.getMessage(), e);
        }
        WebSocket socket = null;
        try {
            listener.commandStarted("WebSocket " + socketUri);
            socket = await(client.newWebSocketBuilder().connectTimeout(options.commandTimeout())
                    .buildAsync(socketUri, session), options.commandTimeout(), "connecting to " + socketUri, session);
            send(socket, ENABLE, options);
            await(session.enabled(), options.commandTimeout(), "HeapProfiler.enable", session);
            send(socket, TAKE_SNAPSHOT, options);
            await(session.snapshotTaken(), options.dumpTimeout(), "HeapProfiler.takeHeapSnapshot", session);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "snapshot taken");
            return destination.commit();
        } finally {
            session.closeQuietly();
            if (socket != null) {
                socket.abort();
            }
            destination.discard();
        }
    }

    private void send(WebSocket socket, String json, CaptureOptions options) throws CaptureException {
        listener.commandStarted("send " + json);
        try {
            socket.sendText(json, true).get(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CaptureException("sending to the inspector failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new CaptureException("sending to the inspector timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while sending to the inspector", e);
        }
    }

    /** Waits for a step, checking cancel often; the timeout counts from the last message received. */
    private <T> T await(CompletableFuture<T> step, Duration idleTimeout, String what, HeapSnapshotSession session)
            throws CaptureException {
        long started = System.nanoTime();
        while (true) {
            cancel.throwIfCancelled();
            try {
                return step.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                long quietSince = Math.max(started, session.lastMessageNanos());
                if (System.nanoTime() - quietSince > idleTimeout.toNanos()) {
                    throw new CaptureException("timed out after " + CommandRunner.describe(idleTimeout)
                            + " without a message from the inspector, waiting for " + what);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CaptureException capture) {
                    throw capture;
                }
                throw new CaptureException(what + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaptureException("interrupted while waiting for " + what, e);
            }
        }
    }
}
