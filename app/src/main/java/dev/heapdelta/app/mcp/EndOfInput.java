package dev.heapdelta.app.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** Standard input that says when the client has closed it: the server's cue to stop. */
final class EndOfInput extends FilterInputStream {
    private final CountDownLatch closed = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return ended(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return ended(super.read(buffer, offset, length));
        } catch (IOException e) {
            closed.countDown();
            throw e;
        }
    }

    private int ended(int result) {
        if (result < 0) {
            closed.countDown();
        }
        return result;
    }

    void await() throws InterruptedException {
        closed.await();
    }
}
