package dev.heapdelta.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Gzips a file at the best compression level, so that the bundled examples stay small. */
final class Gzip {
    private static final int BUFFER_BYTES = 1 << 16;

    private Gzip() {
    }

    /** Writes {@code source} gzipped to {@code target}, then deletes {@code source}. */
    static void compressAndDelete(Path source, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = new BestCompressionGzipStream(Files.newOutputStream(partial))) {
            in.transferTo(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(source);
    }

    private static final class BestCompressionGzipStream extends GZIPOutputStream {
        BestCompressionGzipStream(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
