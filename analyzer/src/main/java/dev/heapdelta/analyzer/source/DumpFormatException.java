package dev.heapdelta.analyzer.source;

import java.io.IOException;

/**
 * The one expected failure of a reader: the bytes are not a dump it can read, or a structure in it
 * is broken beyond recovery. The message names the file and the byte offset.
 */
public final class DumpFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    public DumpFormatException(String file, long offset, String problem) {
        super("file " + file + ": " + problem + " at offset " + offset);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
