package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a {@link CachedCopy}: a SHA-256 over what identifies its source (size, modification time,
 * a name, its first bytes), so that a changed source is copied again and an unchanged one is found.
 */
public final class CopyKey {
    private final MessageDigest digest;

    private CopyKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A key over nothing yet. */
    public static CopyKey start() {
        return new CopyKey();
    }

    /** Adds text, as UTF-8. */
    public CopyKey text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds the first {@code bytes} of {@code file} (all of it when shorter). */
    public CopyKey head(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readNBytes(bytes));
        }
        return this;
    }

    /** The first {@code bytes} of the digest in lower-case hex; the key is used up. */
    public String hex(int bytes) {
        return HexFormat.of().formatHex(digest.digest(), 0, bytes);
    }
}
