package dev.heapdelta.app.gui.welcome;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Writes preferences to disk on a thread of their own, in the order asked. A flush writes a file and renames
 * it, which on a busy disk took 0.3 to 0.6 s: on the FX thread, that held back the overview of a reopened
 * dump, shown just after its file was remembered. What a flush has not written yet is kept in memory, read
 * back from there, and written by the JDK's own sync at exit.
 */
public final class PreferencesFlush {
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "heapdelta-preferences");
        // Leaving the app does not wait for it: the JDK's shutdown hook syncs what is pending.
        thread.setDaemon(true);
        return thread;
    });

    private PreferencesFlush() {
    }

    /** Flushes {@code node} soon, off the calling thread; a node removed meanwhile has nothing left to write. */
    public static void later(Preferences node) {
        WRITER.execute(() -> {
            try {
                node.flush();
            } catch (BackingStoreException | IllegalStateException ignored) {
                // The values are still right for this run; a read-only home only loses them at exit.
            }
        });
    }
}
