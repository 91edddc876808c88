package dev.heapdelta.app.gui.welcome;

import java.nio.file.Path;
import java.util.List;

/** Where the recently opened dumps are remembered between runs. */
public interface RecentFiles {
    int LIMIT = 10;

    /** Most recent first. */
    List<Path> load();

    void save(List<Path> mostRecentFirst);

    /** A store that forgets on exit, for tests and for runs that must not touch the user's settings. */
    static RecentFiles inMemory() {
        return new RecentFiles() {
            private List<Path> files = List.of();

            @Override
            public List<Path> load() {
                return files;
            }

            @Override
            public void save(List<Path> mostRecentFirst) {
                files = List.copyOf(mostRecentFirst);
            }
        };
    }
}
