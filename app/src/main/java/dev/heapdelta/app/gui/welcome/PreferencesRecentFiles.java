package dev.heapdelta.app.gui.welcome;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Recent files in the user's Java preferences (on Linux, under {@code ~/.java/.userPrefs}), written to disk off
 * the calling thread, the FX thread when a load ends ({@link PreferencesFlush}).
 */
public final class PreferencesRecentFiles implements RecentFiles {
    private static final String KEY_PREFIX = "recent.";

    private final Preferences node;

    public PreferencesRecentFiles(Preferences node) {
        this.node = node;
    }

    public static PreferencesRecentFiles forUser() {
        return new PreferencesRecentFiles(Preferences.userRoot().node("dev/heapdelta/gui"));
    }

    @Override
    public List<Path> load() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = node.get(KEY_PREFIX + i, null);
            if (value == null) {
                break;
            }
            try {
                files.add(Path.of(value));
            } catch (InvalidPathException ignored) {
                // A path written on another system; it cannot be opened here, so it is not offered.
            }
        }
        return files;
    }

    @Override
    public void save(List<Path> mostRecentFirst) {
        for (int i = 0; i < LIMIT; i++) {
            if (i < mostRecentFirst.size()) {
                node.put(KEY_PREFIX + i, mostRecentFirst.get(i).toString());
            } else {
                node.remove(KEY_PREFIX + i);
            }
        }
        PreferencesFlush.later(node);
    }
}
