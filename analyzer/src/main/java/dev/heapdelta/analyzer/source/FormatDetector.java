package dev.heapdelta.analyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a dump's format from its content, never its name: the wrapper (gzip, bzip2, xz, zstd,
 * zip) by its magic bytes, HPROF by its {@code JAVA PROFILE} header, V8 by a JSON object whose
 * first key is {@code snapshot}.
 */
public final class FormatDetector {
    private static final int MAGIC_BYTES = 6;
    private static final int PEEK = 256;

    private FormatDetector() {
    }

    /** The result: the kind of dump, and what it is wrapped in. */
    public record Detected(DumpKind kind, Compression compression) {
        /** Whether the dump must be decompressed (and, for HPROF, inflated into the cache) to be read. */
        public boolean compressed() {
            return compression != Compression.NONE;
        }
    }

    public static Detected detect(Path file) throws IOException {
        Compression compression;
        try (InputStream raw = Files.newInputStream(file)) {
            compression = Compression.of(raw.readNBytes(MAGIC_BYTES));
        }
        byte[] head;
        try (InputStream in = DecompressedInput.open(file, compression)) {
            head = readUpTo(in, PEEK);
        } catch (DumpFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DumpFormatException(file.toString(), 0, "broken " + compression.label() + " stream at its start ("
                    + e.getMessage() + ")");
        }
        return new Detected(kindOf(head), compression);
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
