package dev.heapdelta.analyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Detects a dump's format from its content, never its name: gzip by its magic bytes, HPROF by its
 * {@code JAVA PROFILE} header, V8 by a JSON object whose first key is {@code snapshot}.
 */
public final class FormatDetector {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int PEEK = 256;

    private FormatDetector() {
    }

    /** The result: the kind of dump, and whether it is wrapped in gzip. */
    public record Detected(DumpKind kind, boolean gzipped) {
    }

    public static Detected detect(Path file) throws IOException {
        byte[] head;
        boolean gzipped;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            gzipped = first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
            InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            head = readUpTo(in, PEEK);
        } catch (java.util.zip.ZipException e) {
            throw new DumpFormatException(file.toString(), 0, "broken gzip stream (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new DumpFormatException(file.toString(), 0, "truncated gzip header");
        }
        return new Detected(kindOf(head), gzipped);
    }

    /** The kind the first bytes of a (decompressed) dump show. */
    public static DumpKind kindOf(byte[] head) {
        String text = new String(head, 0, head.length, StandardCharsets.ISO_8859_1);
        if (text.startsWith("JAVA PROFILE ")) {
            return DumpKind.HPROF;
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            String afterBrace = trimmed.substring(1).stripLeading();
            if (afterBrace.startsWith("\"snapshot\"")) {
                return DumpKind.V8_SNAPSHOT;
            }
        }
        return DumpKind.UNKNOWN;
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[max];
        int filled = 0;
        while (filled < max) {
            int n = in.read(buffer, filled, max - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return java.util.Arrays.copyOf(buffer, filled);
    }
}
