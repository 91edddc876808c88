package dev.heapdelta.analyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The members of a zip archive that are heap dumps (plain HPROF or V8 snapshots: an archive is the
 * compression), told by their first bytes, in the archive's order.
 */
public final class ZipDumps {
    private static final int PEEK = 256;

    private ZipDumps() {
    }

    /** The dump members of a zip archive, or an empty list when the file is not a zip archive. */
    public static List<String> names(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        // Not FormatDetector.detect: it refuses an archive of several dumps, which is what is asked about here.
        if (Compression.of(head) != Compression.ZIP) {
            return List.of();
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return names(zip);
        }
    }

    static List<String> names(ZipFile zip) throws IOException {
        return entries(zip).stream().map(ZipArchiveEntry::getName).toList();
    }

    static List<ZipArchiveEntry> entries(ZipFile zip) throws IOException {
        List<ZipArchiveEntry> dumps = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (!entry.isDirectory() && isDump(zip, entry)) {
                dumps.add(entry);
            }
        }
        return dumps;
    }

    /** Every member's name, dumps or not, for the message about an archive without dumps. */
    static List<String> allNames(ZipFile zip) {
        return Collections.list(zip.getEntries()).stream().filter(entry -> !entry.isDirectory())
                .map(ZipArchiveEntry::getName).toList();
    }

    private static boolean isDump(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return FormatDetector.kindOf(in.readNBytes(PEEK)) != DumpKind.UNKNOWN;
        }
    }
}
