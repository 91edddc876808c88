package dev.heapdelta.analyzer.v8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream that reads (and inflates) its source on a second thread, a few chunks ahead, so
 * that the reader's parsing and the file's I/O overlap. Bytes come out as the source gave them; an
 * {@link IOException} the source threw comes out, as it was, after the bytes read before it.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 6;

    /** A filled buffer; {@code failure} (if any) follows its bytes, and {@code last} ends the stream. */
    private record Chunk(byte[] bytes, int length, IOException failure, boolean last) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> emptyBuffers = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filledChunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private Chunk current;
    private int position;
    private boolean ended;
    private IOException pendingFailure;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            emptyBuffers.add(new byte[CHUNK_SIZE]);
        }
        reader = new Thread(this::readAhead, "heapdelta-v8-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        boolean done = false;
        try {
            while (!done) {
                byte[] buffer = emptyBuffers.take();
                int length = 0;
                IOException failure = null;
                boolean last = false;
                while (length < buffer.length) {
                    int n;
                    try {
                        n = source.read(buffer, length, buffer.length - length);
                    } catch (IOException e) {
                        failure = e;
                        break;
                    }
                    if (n < 0) {
                        last = true;
                        break;
                    }
                    length += n;
                }
                done = last || failure != null;
                filledChunks.put(new Chunk(buffer, length, failure, done));
            }
        } catch (InterruptedException e) {
            // Closed before the end: nobody reads what is left.
        } finally {
            if (!done) {
                // Whatever stopped this thread, the consumer must not wait for ever.
                filledChunks.offer(new Chunk(new byte[0], 0, new IOException("reading ahead stopped"), true));
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || position == current.length()) {
            if (current != null) {
                if (current.failure() != null) {
                    pendingFailure = current.failure();
                }
                if (current.last()) {
                    ended = true;
                }
                emptyBuffers.offer(current.bytes());
                current = null;
            }
            if (pendingFailure != null) {
                IOException failure = pendingFailure;
                pendingFailure = null;
                ended = true;
                throw failure;
            }
            if (ended) {
                return -1;
            }
            try {
                current = filledChunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            position = 0;
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
