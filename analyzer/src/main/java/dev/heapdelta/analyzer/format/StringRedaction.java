package dev.heapdelta.analyzer.format;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hides a string from a dump behind its length and a short hash, {@code ‹string, 29 chars, #3fa29c›},
 * so that reports and screenshots can be shared. Equal strings get equal hashes within one run of the
 * program; the hash is keyed with a random per-run secret, so it cannot be reversed by hashing guesses.
 */
public final class StringRedaction {
    private static final byte[] RUN_KEY = randomKey();
    private static final int HASH_HEX_DIGITS = 6;

    private StringRedaction() {
    }

    /** The redacted form of {@code content}; null stays null. */
    public static String redact(String content) {
        if (content == null) {
            return null;
        }
        int length = content.codePointCount(0, content.length());
        return "‹string, " + length + (length == 1 ? " char" : " chars") + ", #" + shortHash(content) + "›";
    }

    /** {@code content} itself when strings are shown, otherwise its redacted form. */
    public static String show(String content, boolean includeStrings) {
        return includeStrings ? content : redact(content);
    }

    /** Six hex digits of a keyed SHA-256 of the UTF-8 bytes. */
    public static String shortHash(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(RUN_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; hex.length() < HASH_HEX_DIGITS; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform must provide HmacSHA256; reaching this is a broken runtime.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
