package dev.heapdelta.app.gui.codesites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Application classes in the user's Java preferences, one node per comparison. A comparison is named by
 * a hash of its dumps' absolute paths, sorted: the same dumps opened in any order find their classes, and
 * a preference key stays short whatever the paths.
 */
public final class PreferencesApplicationClasses implements ApplicationClassesStore {
    private static final String CLASS_PATH = "classPath";
    private static final String SOURCES = "sources";

    private final Preferences root;

    public PreferencesApplicationClasses(Preferences root) {
        this.root = root;
    }

    public static PreferencesApplicationClasses forUser() {
        return new PreferencesApplicationClasses(Preferences.userRoot().node("dev/heapdelta/gui/application-classes"));
    }

    @Override
    public ApplicationClasses load(List<Path> dumps) {
        Preferences node = root.node(keyOf(dumps));
        return new ApplicationClasses(node.get(CLASS_PATH, ""), node.get(SOURCES, ""));
    }

    @Override
    public void save(List<Path> dumps, ApplicationClasses classes) {
        if (classes.classPath().length() > Preferences.MAX_VALUE_LENGTH
                || classes.sources().length() > Preferences.MAX_VALUE_LENGTH) {
            // Too long for a preference value: it applies for this run and is given again next time.
            return;
        }
        Preferences node = root.node(keyOf(dumps));
        node.put(CLASS_PATH, classes.classPath());
        node.put(SOURCES, classes.sources());
        try {
            node.flush();
        } catch (BackingStoreException ignored) {
            // The classes still apply for this run; a read-only home only forgets them at exit.
        }
    }

    static String keyOf(List<Path> dumps) {
        List<String> paths = dumps.stream().map(dump -> dump.toAbsolutePath().normalize().toString()).sorted().toList();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", paths).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
