package dev.heapdelta.app.gui.oql;

import dev.heapdelta.app.gui.welcome.PreferencesFlush;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Where the OQL console's history is kept between runs of the app. The user's store is their Java
 * preferences, which the JDK keeps below a directory only its user may enter ({@code ~/.java/.userPrefs},
 * 0700 on Linux): queries can name a user's data.
 */
public interface OqlQueryStore {
    /** Newest first. */
    List<String> load();

    void save(List<String> newestFirst);

    /** A store that forgets on exit, for tests and for runs that must not touch the user's settings. */
    static OqlQueryStore inMemory() {
        return new OqlQueryStore() {
            private List<String> queries = List.of();

            @Override
            public List<String> load() {
                return queries;
            }

            @Override
            public void save(List<String> newestFirst) {
                queries = List.copyOf(newestFirst);
            }
        };
    }

    /** The queries in a preferences node, one key each ({@code query.0} the newest). */
    static OqlQueryStore inPreferences(Preferences node) {
        return new OqlQueryStore() {
            private static final String KEY_PREFIX = "query.";

            @Override
            public List<String> load() {
                List<String> queries = new ArrayList<>();
                for (int i = 0; i < OqlHistory.KEPT; i++) {
                    String query = node.get(KEY_PREFIX + i, null);
                    if (query == null) {
                        break;
                    }
                    queries.add(query);
                }
                return queries;
            }

            @Override
            public void save(List<String> newestFirst) {
                List<String> kept = newestFirst.stream()
                        .filter(q -> q.length() <= Preferences.MAX_VALUE_LENGTH).toList();
                for (int i = 0; i < OqlHistory.KEPT; i++) {
                    if (i < kept.size()) {
                        node.put(KEY_PREFIX + i, kept.get(i));
                    } else {
                        node.remove(KEY_PREFIX + i);
                    }
                }
                PreferencesFlush.later(node);
            }
        };
    }

    /** The user's own store. */
    static OqlQueryStore forUser() {
        return inPreferences(Preferences.userRoot().node("dev/heapdelta/gui/oql"));
    }
}
