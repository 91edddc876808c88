package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.source.DumpKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Names the index-cache entry of one dump analysed with given options: a SHA-256 over the file's
 * size, modification time, first megabyte and last 64 KiB (a dump rewritten in place with the same
 * head does not match), the options that change results, the entry format and the analyzer's build.
 */
final class IndexCacheKey {
    /** Raise when an image's layout or the analysis's results change. */
    static final int ENTRY_FORMAT_VERSION = 2;
    private static final int HEAD_BYTES = 1 << 20;
    private static final int TAIL_BYTES = 64 << 10;

    private IndexCacheKey() {
    }

    /** The entry's directory name: 32 hex digits. */
    static String of(Path file, DumpKind kind, AnalysisOptions options) throws IOException {
        MessageDigest digest = sha256();
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        digest.update(("heapdelta-index " + ENTRY_FORMAT_VERSION + " " + ByteOrder.nativeOrder() + " "
                + analyzerBuild() + " " + kind + " " + resultOptions(kind, options) + " " + size + " " + modified
                + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            digest.update(read(channel, 0, (int) Math.min(HEAD_BYTES, size)));
            long tailStart = Math.max(0, size - TAIL_BYTES);
            digest.update(read(channel, tailStart, (int) (size - tailStart)));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** Only the options that change the analysis of this kind of dump: V8 follows DevTools whatever they say. */
    static String resultOptions(DumpKind kind, AnalysisOptions options) {
        if (kind != DumpKind.HPROF) {
            return "devtools";
        }
        return "weakRefs=" + options.weakReferences() + ",keepUnreachable=" + options.keepUnreachable() + ",dump="
                + options.dumpIndex();
    }

    /**
     * The analyzer jar's size and modification time, so that a new build, which may analyse
     * differently, never reuses entries of an older one. Empty when running from class directories.
     */
    private static String analyzerBuild() {
        try {
            java.security.CodeSource source = IndexCacheKey.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
            }
        } catch (IOException | java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return "unknown-build";
        }
        return "classes";
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
