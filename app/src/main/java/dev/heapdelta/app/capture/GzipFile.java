package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.store.PrivateFile;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/** Gzips a finished dump in place, for JVMs older than 15 whose {@code GC.heap_dump} has no {@code -gz}. */
final class GzipFile {
    private static final int BUFFER_BYTES = 1 << 20;

    private GzipFile() {
    }

    static void compressInPlace(Path file, CaptureListener listener, CancelSignal cancel) throws CaptureException {
        Path compressed = file.resolveSibling(file.getFileName() + ".gz-partial");
        long total;
        try {
            total = Files.size(file);
            listener.note("gzipping " + file.getFileName() + " here (the target JVM cannot gzip its own dump)");
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = new GZIPOutputStream(PrivateFile.create(compressed), BUFFER_BYTES)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                long done = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    cancel.throwIfCancelled();
                    out.write(buffer, 0, read);
                    done += read;
                    listener.progress(ProgressUnit.BYTES, done, total);
                }
            }
            Files.move(compressed, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(compressed);
            } catch (IOException ignored) {
                // The gzip failure is the one to report.
            }
            throw new CaptureException("gzipping " + file + " failed: " + e.getMessage(), e);
        }
    }
}
