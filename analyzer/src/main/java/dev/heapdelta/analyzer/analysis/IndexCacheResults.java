package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.store.DamagedImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;

/**
 * Small results computed from an analysis (a summary report for one {@code --top}) kept in its index-cache
 * entry beside the images, so that a command needing only them reopens a dump without reading its graph:
 * reading the images of a 2 GB dump takes seconds, such a result a millisecond. Each result is one file,
 * {@code result-<name>.bin}: the entry it belongs to (its graph image's CRC-32C), the payload, and a CRC-32C
 * of both. It is written to a temporary file and renamed into place, so it is whole or absent; one that does
 * not match is deleted and computed again. The entry is complete without any.
 */
public final class IndexCacheResults {
    private static final int MAGIC = 0x48445231;
    private static final int HEADER_BYTES = 4 + 8 + 4;
    private static final int TRAILER_BYTES = 8;
    private static final String PREFIX = "result-";
    private static final String SUFFIX = ".bin";

    private final Path directory;
    private final long entryIdentity;

    private IndexCacheResults(Path directory, long entryIdentity) {
        this.directory = directory;
        this.entryIdentity = entryIdentity;
    }

    /**
     * The results kept with the entry of {@code file} analysed with {@code options}, or null when the cache is
     * off or holds no complete entry that a reopening would use (none, a damaged one, or a compressed HPROF
     * dump whose inflated copy is gone). Reads only the entry's manifest and the dump's head and tail.
     */
    public static IndexCacheResults find(Path file, String displayName, AnalysisOptions options) throws IOException {
        if (!options.useIndexCache() || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return null;
        }
        DumpKind kind = FormatDetector.detect(file).kind();
        if (kind == DumpKind.UNKNOWN) {
            return null;
        }
        Path cacheDirectory = options.readOptions(displayName).cacheDirectoryOrDefault();
        if (kind == DumpKind.HPROF && HprofDetailsImage.recordFile(file, cacheDirectory) == null) {
            return null;
        }
        return at(IndexCache.forDump(file, kind, options, cacheDirectory).entryDirectory());
    }

    /** The results of the entry that {@code snapshot} was saved to or reopened from, or null when there is none. */
    public static IndexCacheResults of(Snapshot snapshot) {
        IndexCacheUse use = snapshot.indexCache();
        boolean inEntry = use.status() == IndexCacheUse.Status.SAVED || use.status() == IndexCacheUse.Status.REUSED;
        if (!inEntry || use.entry() == null) {
            return null;
        }
        try {
            return at(use.entry());
        } catch (IOException e) {
            return null;
        }
    }

    /** A damaged entry is left to the full reopening, which deletes it and says so. */
    private static IndexCacheResults at(Path entryDirectory) throws IOException {
        IndexCacheEntry entry;
        try {
            entry = IndexCacheEntry.open(entryDirectory);
        } catch (DamagedImageException e) {
            return null;
        }
        return entry == null ? null : new IndexCacheResults(entryDirectory, entry.identity());
    }

    /** The entry's directory, as the reuse note names it. */
    public Path entry() {
        return directory;
    }

    /**
     * The payload kept under {@code name}, or null when there is none or it does not match this entry (then
     * it is deleted). A hit makes the entry the most recently used one, as a full reopening does.
     */
    public byte[] read(String name) throws IOException {
        Path path = fileOf(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean whole = bytes.length >= HEADER_BYTES + TRAILER_BYTES && buffer.getInt(0) == MAGIC
                && buffer.getLong(4) == entryIdentity && buffer.getInt(12) == bytes.length - HEADER_BYTES - TRAILER_BYTES
                && buffer.getLong(bytes.length - TRAILER_BYTES) == checksum(bytes, bytes.length - TRAILER_BYTES);
        if (!whole) {
            Files.deleteIfExists(path);
            return null;
        }
        IndexCache.touch(directory);
        byte[] payload = new byte[bytes.length - HEADER_BYTES - TRAILER_BYTES];
        System.arraycopy(bytes, HEADER_BYTES, payload, 0, payload.length);
        return payload;
    }

    /** Keeps {@code payload} under {@code name}, replacing what was there; private to the user as the entry. */
    public void write(String name, byte[] payload) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length + TRAILER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putLong(entryIdentity).putInt(payload.length).put(payload);
        buffer.putLong(checksum(buffer.array(), buffer.position()));
        // createTempFile makes the file owner-only, like the entry's other files.
        Path temporary = Files.createTempFile(directory, ".writing-" + PREFIX, SUFFIX);
        try {
            Files.write(temporary, buffer.array());
            try {
                Files.move(temporary, fileOf(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, fileOf(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path fileOf(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a result name: " + name);
        }
        return directory.resolve(PREFIX + name + SUFFIX);
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
