package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Files HeapDelta writes that hold what dumps hold (captures, exports): readable and writable by
 * their owner only (0600) from the moment they exist, whatever the umask, and never widened.
 */
public final class PrivateFile {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFile() {
    }

    /**
     * Opens {@code file} for writing from its start: a new file is created 0600; an existing one is
     * narrowed to 0600 before its old content is truncated and the new one written.
     */
    public static OutputStream create(Path file) throws IOException {
        if (!POSIX) {
            return Files.newOutputStream(file);
        }
        if (Files.exists(file)) {
            restrict(file);
            return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        return Channels.newOutputStream(Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly));
    }

    /**
     * Creates {@code file}, which must not exist, 0600 from its first byte, and opens it with
     * {@code options} besides {@code CREATE_NEW}: the index cache's and the out-of-core mode's files
     * hold the dump's contents as much as an export does.
     */
    public static FileChannel newChannel(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opening = new HashSet<>(Set.of(options));
        opening.add(StandardOpenOption.CREATE_NEW);
        if (!POSIX) {
            return FileChannel.open(file, opening);
        }
        return FileChannel.open(file, opening, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    /** An empty file created 0600, for another process to write into (a redirected output). */
    public static void createEmpty(Path file) throws IOException {
        create(file).close();
    }

    /** Narrows a file another program wrote (a JVM, node, {@code docker cp}) to 0600. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
