package dev.heapdelta.app.gui.codesites;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the application classes given for each comparison are remembered, by the set of its dumps. */
public interface ApplicationClassesStore {
    /** {@link ApplicationClasses#NONE} when none were given for these dumps. */
    ApplicationClasses load(List<Path> dumps);

    void save(List<Path> dumps, ApplicationClasses classes);

    /** A store that forgets on exit, for tests and for runs that must not touch the user's settings. */
    static ApplicationClassesStore inMemory() {
        return new ApplicationClassesStore() {
            private final Map<Set<Path>, ApplicationClasses> byDumps = new HashMap<>();

            @Override
            public synchronized ApplicationClasses load(List<Path> dumps) {
                return byDumps.getOrDefault(keyOf(dumps), ApplicationClasses.NONE);
            }

            @Override
            public synchronized void save(List<Path> dumps, ApplicationClasses classes) {
                byDumps.put(keyOf(dumps), classes);
            }

            private Set<Path> keyOf(List<Path> dumps) {
                Set<Path> key = new HashSet<>();
                dumps.forEach(dump -> key.add(dump.toAbsolutePath().normalize()));
                return key;
            }
        };
    }
}
