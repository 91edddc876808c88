package dev.heapdelta.analyzer.source;

import dev.heapdelta.analyzer.store.CachedCopy;
import dev.heapdelta.analyzer.store.CopyKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * One dump inside a zip archive that holds several, named as {@code archive.zip!entry} (the way a
 * {@code jar:} URL names a member). Support tickets arrive as one zip of the whole series; each
 * member is copied once into the private cache directory and read from there like any dump.
 *
 * <p>The copy takes the archive's modification time, so that copying it again on a later run gives the
 * same index-cache key and the saved analysis is reused.
 */
public record ArchiveMember(Path archive, String entry) {
    /** Between the archive's path and the member's name. */
    public static final String SEPARATOR = "!";

    /**
     * The member an argument names, or null when it names no member: there is no {@code !}, or what is
     * before it is not a file. Whether the entry exists is checked when it is copied.
     */
    public static ArchiveMember parse(String argument) {
        int separator = argument.lastIndexOf(SEPARATOR);
        if (separator <= 0 || separator == argument.length() - 1) {
            return null;
        }
        Path archive = Path.of(argument.substring(0, separator));
        return Files.isRegularFile(archive) ? new ArchiveMember(archive, argument.substring(separator + 1)) : null;
    }

    /**
     * The dumps a list of files names: a zip archive holding several dumps stands for all of them, in the
     * archive's order, as members; any other file stands for itself.
     */
    public static List<String> expand(List<String> files) throws IOException {
        List<String> dumps = new ArrayList<>();
        for (String file : files) {
            Path path = Path.of(file);
            List<String> members = Files.isRegularFile(path) && Files.size(path) > 0 ? ZipDumps.names(path) : List.of();
            if (members.size() > 1) {
                members.forEach(member -> dumps.add(file + SEPARATOR + member));
            } else {
                dumps.add(file);
            }
        }
        return dumps;
    }

    /** How the member is written in messages and in the JSON {@code file}. */
    public String displayName() {
        return archive + SEPARATOR + entry;
    }

    /** Where the member's copy lives in a cache directory, whether or not it was made yet. */
    public Path copyIn(Path cacheDirectory) throws IOException {
        String name = Path.of(entry).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return cacheDirectory.resolve("extracted").resolve(key() + "-" + name);
    }

    /**
     * Copies the member into {@code <cacheDirectory>/extracted} (private to the user) unless an
     * identical copy is there, and returns the copy.
     *
     * @throws DumpFormatException when the archive has no such member, or is not a zip archive
     */
    public Path copyInto(Path cacheDirectory) throws IOException {
        Path target = copyIn(cacheDirectory);
        try (ZipFile zip = openZip()) {
            ZipArchiveEntry member = zip.getEntry(entry);
            if (member == null || member.isDirectory()) {
                throw new DumpFormatException(displayName(), 0, "the archive has no member " + entry + " (its dumps: "
                        + String.join(", ", ZipDumps.names(zip)) + ")");
            }
            if (Files.isRegularFile(target) && member.getSize() == Files.size(target)) {
                return target;
            }
            new CachedCopy(target, "extract " + displayName()).write(member.getSize(),
                    FileTime.from(Files.getLastModifiedTime(archive).toInstant()), out -> {
                        try (InputStream in = zip.getInputStream(member)) {
                            return in.transferTo(out);
                        }
                    });
        }
        return target;
    }

    private ZipFile openZip() throws IOException {
        try {
            return ZipFile.builder().setPath(archive).get();
        } catch (IOException e) {
            throw new DumpFormatException(archive.toString(), 0, "not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    /** The archive's size and modification time and the member's name: a changed archive is copied again. */
    private String key() throws IOException {
        return CopyKey.start().text(archive.toAbsolutePath().normalize() + "\n" + Files.size(archive) + "\n"
                + Files.getLastModifiedTime(archive).toMillis() + "\n" + entry).hex(8);
    }
}
