package dev.heapdelta.analyzer.source;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Opens a dump's content as a stream, whatever it is wrapped in: gzip, bzip2, xz, zstd (all read
 * to the end of concatenated streams) or a zip archive, whose one dump entry is read. Nothing is
 * sized by a length field from the file: everything is streamed.
 */
public final class DecompressedInput {
    private static final int BUFFER = 1 << 16;

    private DecompressedInput() {
    }

    /** The file's decompressed content. The caller closes it. */
    public static InputStream open(Path file, Compression compression) throws IOException {
        if (compression == Compression.ZIP) {
            return openZipEntry(file);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            return wrap(raw, compression);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The decompressing stream over a file's raw bytes (not for zip, which is opened by its path). */
    public static InputStream wrap(InputStream raw, Compression compression) throws IOException {
        return switch (compression) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw, BUFFER);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZCompressorInputStream(raw, true);
            case ZSTD -> new ZstdInputStream(raw).setContinuous(false);
            case ZIP -> throw new IllegalArgumentException("a zip archive is opened by its path");
        };
    }

    private static InputStream openZipEntry(Path file) throws IOException {
        ZipFile zip = ZipFile.builder().setPath(file).get();
        try {
            ZipArchiveEntry entry = dumpEntry(zip, file);
            InputStream entryStream = zip.getInputStream(entry);
            return new FilterInputStream(new BufferedInputStream(entryStream, BUFFER)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The archive's one entry whose content is a heap dump (HPROF or V8 snapshot). */
    private static ZipArchiveEntry dumpEntry(ZipFile zip, Path file) throws IOException {
        List<ZipArchiveEntry> dumps = ZipDumps.entries(zip);
        if (dumps.size() == 1) {
            return dumps.get(0);
        }
        if (dumps.isEmpty()) {
            List<String> names = ZipDumps.allNames(zip);
            throw new DumpFormatException(file.toString(), 0, "zip archive holds no plain HPROF or V8 snapshot"
                    + (names.isEmpty() ? " (it is empty)" : " (entries: " + String.join(", ", names) + ")"));
        }
        List<String> dumpNames = dumps.stream().map(ZipArchiveEntry::getName).toList();
        throw new DumpFormatException(file.toString(), 0, "zip archive holds " + dumps.size() + " dumps ("
                + String.join(", ", dumpNames) + "); name one as " + file + ArchiveMember.SEPARATOR + dumpNames.get(0)
                + ", or compare them all with: heapdelta diff " + file);
    }
}
