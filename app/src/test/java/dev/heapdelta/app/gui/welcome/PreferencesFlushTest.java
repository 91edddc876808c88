package dev.heapdelta.app.gui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.AbstractPreferences;
import org.junit.jupiter.api.Test;

/** Remembering a file never waits for the disk: the preferences are written on a thread of their own. */
class PreferencesFlushTest {
    /** Preferences whose writing to disk waits until the test lets it go, and counts the writes. */
    private static final class HeldPreferences extends AbstractPreferences {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch flushed = new CountDownLatch(1);
        private final Map<String, String> values = new HashMap<>();

        HeldPreferences() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException("no children");
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flushed.countDown();
        }
    }

    @Test
    void savingTheRecentFilesReturnsBeforeTheDiskIsWrittenAndTheyAreWrittenAfter() throws Exception {
        HeldPreferences node = new HeldPreferences();
        PreferencesRecentFiles recent = new PreferencesRecentFiles(node);

        recent.save(List.of(Path.of("/x/one.hprof")));

        // The flush is held, yet the save has returned (the node is locked while it writes: read it after).
        assertEquals(1, node.flushed.getCount(), "written on the saving thread");
        node.release.countDown();
        assertTrue(node.flushed.await(30, TimeUnit.SECONDS), "never written");
        assertEquals(List.of(Path.of("/x/one.hprof")), recent.load());
    }
}
