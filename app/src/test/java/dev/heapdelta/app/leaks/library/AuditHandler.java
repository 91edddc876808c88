package dev.heapdelta.app.leaks.library;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A log handler added to the root logger per request and never removed, each with its own buffer. */
final class AuditHandler extends Handler {
    private final byte[] buffer = new byte[4096];

    static void addOne() {
        Logger.getLogger("").addHandler(new AuditHandler());
    }

    @Override
    public void publish(LogRecord record) {
        buffer[0]++;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
