package dev.heapdelta.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A command's standard output that knows whether anything was written to it. A sized JVM that runs out of heap
 * hands the command back to the first JVM only while its output is still empty: the first JVM's run would
 * print it again from its start (a diff's table, then an out-of-memory error in its PDF or index-cache entry).
 */
final class WrittenOutput extends FilterWriter {
    private volatile boolean written;

    private WrittenOutput(Writer out) {
        super(out);
    }

    /** {@code out} watched, as a writer that flushes on each line as picocli's own does. */
    static WrittenOutput watching(PrintWriter out) {
        return new WrittenOutput(out);
    }

    PrintWriter printWriter() {
        return new PrintWriter(this, true);
    }

    boolean anyWritten() {
        return written;
    }

    @Override
    public void write(int c) throws IOException {
        written = true;
        super.write(c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        written |= length > 0;
        super.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        written |= length > 0;
        super.write(text, offset, length);
    }
}
