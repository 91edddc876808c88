package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.store.PrivateFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The receiving side of one DevTools-protocol session that takes a heap snapshot: each
 * {@code HeapProfiler.addHeapSnapshotChunk} is written to the file as it arrives (one message at a
 * time is requested, so a slow disk slows the sender instead of filling memory), progress events go
 * to the listener, and the responses to our requests complete their futures.
 */
final class HeapSnapshotSession implements WebSocket.Listener {
    static final int ENABLE_ID = 1;
    static final int TAKE_SNAPSHOT_ID = 2;
    /** A chunk message is about 100 KB; a message beyond this is not a chunk from a well-behaved inspector. */
    private static final int MAX_MESSAGE_CHARS = 64 << 20;
    private static final long BYTE_PROGRESS_STEP = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final CountingOutputStream counted;
    private final CaptureListener listener;
    private final StringBuilder message = new StringBuilder();
    private final CompletableFuture<Void> enabled = new CompletableFuture<>();
    private final CompletableFuture<Void> snapshotTaken = new CompletableFuture<>();
    private volatile long lastMessageNanos = System.nanoTime();
    private long reportedBytes;
    private boolean closed;

    HeapSnapshotSession(Path file, CaptureListener listener) throws IOException {
        this.counted = new CountingOutputStream(PrivateFile.create(file));
        this.out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
        this.listener = listener;
    }

    CompletableFuture<Void> enabled() {
        return enabled;
    }

    CompletableFuture<Void> snapshotTaken() {
        return snapshotTaken;
    }

    long lastMessageNanos() {
        return lastMessageNanos;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastMessageNanos = System.nanoTime();
        message.append(data);
        if (message.length() > MAX_MESSAGE_CHARS) {
            fail(new CaptureException("the inspector sent a message of more than " + MAX_MESSAGE_CHARS
                    + " characters; that is not a heap snapshot chunk"));
            webSocket.abort();
            return null;
        }
        if (last) {
            String text = message.toString();
            message.setLength(0);
            try {
                handle(text);
            } catch (IOException | CaptureException e) {
                fail(e instanceof CaptureException capture ? capture
                        : new CaptureException("writing the snapshot failed: " + e.getMessage(), e));
                webSocket.abort();
                return null;
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail(new CaptureException("the inspector closed the connection before the snapshot was complete (code "
                + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail(new CaptureException("the inspector connection failed: " + error.getMessage(), error));
    }

    private void handle(String text) throws IOException, CaptureException {
        long id = -1;
        String method = null;
        String chunk = null;
        long done = -1;
        long total = -1;
        String error = null;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CaptureException("the inspector sent a message that is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "method" -> method = parser.getValueAsString();
                    case "error" -> error = errorMessage(parser, value);
                    case "params" -> {
                        if (value != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            break;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String param = parser.currentName();
                            JsonToken paramValue = parser.nextToken();
                            if ("chunk".equals(param) && paramValue == JsonToken.VALUE_STRING) {
                                chunk = parser.getText();
                            } else if ("done".equals(param) && paramValue == JsonToken.VALUE_NUMBER_INT) {
                                done = parser.getLongValue();
                            } else if ("total".equals(param) && paramValue == JsonToken.VALUE_NUMBER_INT) {
                                total = parser.getLongValue();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CaptureException("the inspector sent a message that is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if ("HeapProfiler.addHeapSnapshotChunk".equals(method) && chunk != null) {
            write(chunk);
        } else if ("HeapProfiler.reportHeapSnapshotProgress".equals(method) && done >= 0) {
            listener.progress(ProgressUnit.OBJECTS, done, total);
        } else if (id == ENABLE_ID || id == TAKE_SNAPSHOT_ID) {
            CompletableFuture<Void> answered = id == ENABLE_ID ? enabled : snapshotTaken;
            if (error != null) {
                answered.completeExceptionally(new CaptureException("the inspector refused "
                        + (id == ENABLE_ID ? "HeapProfiler.enable" : "HeapProfiler.takeHeapSnapshot") + ": " + error));
            } else {
                if (id == TAKE_SNAPSHOT_ID) {
                    finishFile();
                }
                answered.complete(null);
            }
        }
    }

    private static String errorMessage(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return parser.getValueAsString("unknown error");
        }
        String text = "unknown error";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("message".equals(field)) {
                text = parser.getValueAsString(text);
            } else {
                parser.skipChildren();
            }
        }
        return text;
    }

    private synchronized void write(String chunk) throws IOException {
        if (closed) {
            return;
        }
        out.write(chunk);
        long written = counted.count();
        if (written - reportedBytes >= BYTE_PROGRESS_STEP) {
            reportedBytes = written;
            listener.progress(ProgressUnit.BYTES, written, -1);
        }
    }

    private synchronized void finishFile() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
            listener.progress(ProgressUnit.BYTES, counted.count(), counted.count());
        }
    }

    /** Closes the file after a failure or cancel; safe to call from any thread and more than once. */
    synchronized void closeQuietly() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // The file is discarded after a failure anyway.
            }
        }
    }

    private void fail(CaptureException e) {
        enabled.completeExceptionally(e);
        snapshotTaken.completeExceptionally(e);
    }
}
