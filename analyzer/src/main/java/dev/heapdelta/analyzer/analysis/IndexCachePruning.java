package dev.heapdelta.analyzer.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the index cache within its budget: the least recently used entries (by their manifest's
 * modification time, which a reuse refreshes) go first; temporary directories that a crashed
 * writer left behind go once they are an hour old.
 */
final class IndexCachePruning {
    /** The cache's size limit when the disk has room: 20 GB. */
    static final long DEFAULT_BUDGET_BYTES = 20L << 30;
    private static final long STALE_TEMPORARY_MILLIS = 3_600_000;

    private IndexCachePruning() {
    }

    /**
     * The budget: 20 GB, or half of the space the cache could have (the disk's free space plus what
     * the cache holds) when that is less.
     */
    static long budget(Path root) throws IOException {
        return Math.min(DEFAULT_BUDGET_BYTES, (Files.getFileStore(root).getUsableSpace() + totalBytes(root)) / 2);
    }

    /** Deletes least recently used entries until the cache fits {@code budgetBytes}; never {@code keep}. */
    static void prune(Path root, long budgetBytes, Path keep) throws IOException {
        record Entry(Path directory, long bytes, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (IndexCache.isTemporary(child)) {
                    long age = System.currentTimeMillis() - Files.getLastModifiedTime(child).toMillis();
                    if (age > STALE_TEMPORARY_MILLIS) {
                        deleteTree(child);
                    }
                    continue;
                }
                Path manifest = child.resolve(IndexCacheEntry.MANIFEST);
                FileTime used = Files.exists(manifest) ? Files.getLastModifiedTime(manifest) : FileTime.fromMillis(0);
                long bytes = bytesOf(child);
                entries.add(new Entry(child, bytes, used));
                total += bytes;
            }
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry entry : entries) {
            if (total <= budgetBytes) {
                break;
            }
            if (!entry.directory().equals(keep)) {
                deleteTree(entry.directory());
                total -= entry.bytes();
            }
        }
    }

    static long totalBytes(Path root) throws IOException {
        return Files.isDirectory(root) ? bytesOf(root) : 0;
    }

    private static long bytesOf(Path directory) throws IOException {
        long[] total = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** Deletes a directory and what it holds; files already gone (another process pruning) are fine. */
    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
