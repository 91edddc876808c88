package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;

/**
 * Makes the directories where HeapDelta keeps inflated dumps, index files and out-of-core columns:
 * private to the user. They hold what dumps hold (tokens, passwords, personal data), and the default
 * one lives in the shared temporary directory, where another user could otherwise read them, or plant
 * an index entry for HeapDelta to trust.
 */
public final class PrivateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectory() {
    }

    /**
     * {@code heapdelta-cache-<user>} in the temporary directory; but where that is in memory (a tmpfs, as
     * {@code /tmp} is on several distributions), the user's cache directory ({@code $XDG_CACHE_HOME} or
     * {@code ~/.cache}, then {@code heapdelta}): index files and out-of-core columns exist to keep a dump's
     * data out of RAM, and a full tmpfs under a mapped column is a bus error, not an I/O error.
     */
    public static Path defaultCacheDirectory() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path inTemporary = temporary.resolve("heapdelta-cache-" + user);
        Path userCache = userCacheDirectory();
        return userCache != null && isInMemory(temporary) ? userCache.resolve("heapdelta") : inTemporary;
    }

    static boolean isInMemory(Path directory) {
        try {
            return isInMemoryFileSystem(Files.getFileStore(directory).type());
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isInMemoryFileSystem(String type) {
        return "tmpfs".equals(type) || "ramfs".equals(type);
    }

    private static Path userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || "?".equals(home) ? null : Path.of(home, ".cache");
    }

    /**
     * Creates {@code directory} (and missing parents) readable by its owner only, or checks that an
     * existing one belongs to this user; a default cache directory that others can read is tightened.
     *
     * @throws IOException when it cannot be created, or belongs to someone else
     */
    public static Path create(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            create(parent);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(absolute.getParent() == null ? absolute
                : absolute.getParent(), PosixFileAttributeView.class);
        try {
            if (posix != null) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            checkOwnership(absolute);
        }
        return absolute;
    }

    private static void checkOwnership(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " exists and is not a directory (or is a link); choose another "
                    + "cache directory with --cache-dir");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(directory, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix == null) {
            return;
        }
        UserPrincipal owner = posix.getOwner();
        UserPrincipal me;
        try {
            me = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (UserPrincipalNotFoundException e) {
            return; // a container user without a name: nothing to compare with
        }
        if (!owner.equals(me)) {
            throw new IOException(directory + " belongs to " + owner.getName() + ", not to you: it may not hold "
                    + "your dumps' data; choose another cache directory with --cache-dir");
        }
        if (directory.getFileName().toString().startsWith("heapdelta-cache")
                && !posix.readAttributes().permissions().equals(OWNER_ONLY)) {
            posix.setPermissions(OWNER_ONLY);
        }
    }
}
