package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.app.gui.session.SnapshotSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dumps named on the app's command line, loaded in order on a thread of their own from the moment the
 * app starts, while JavaFX starts and the window is built (over a second), and handed to the app's load when it
 * asks for them: then it shows their progress and its Cancel stops them. A dump asked for with other options,
 * or not named, is loaded as usual, and the named ones not yet asked for are then stopped and closed.
 */
public final class StartupLoads implements SnapshotSource {
    private static final long CANCEL_CHECK_MILLIS = 50;

    private final SnapshotSource delegate;
    private final AnalysisOptions options;
    /** The named dumps in order; each is claimed by at most one load. */
    private final Map<Path, Early> early = new LinkedHashMap<>();

    /** One named dump's load: its outcome, its own cancel signal, and whom it tells its progress. */
    private static final class Early {
        final CompletableFuture<Snapshot> result = new CompletableFuture<>();
        final CancelSignal cancel = new CancelSignal();
        private ProgressListener listener;
        private AnalysisPhase lastPhase;
        private long lastDone;
        private long lastTotal;
        boolean claimed;

        synchronized void progress(AnalysisPhase phase, long done, long total) {
            lastPhase = phase;
            lastDone = done;
            lastTotal = total;
            if (listener != null) {
                listener.progress(phase, done, total);
            }
        }

        /** From now on the progress goes to {@code to}, starting with where the load is. */
        synchronized void tellProgressTo(ProgressListener to) {
            listener = to;
            if (lastPhase != null) {
                to.progress(lastPhase, lastDone, lastTotal);
            }
        }
    }

    private StartupLoads(SnapshotSource delegate, AnalysisOptions options, List<Path> files) {
        this.delegate = delegate;
        this.options = options;
        for (Path file : files) {
            early.putIfAbsent(file, new Early());
        }
    }

    /**
     * Starts loading {@code files} with {@code options} from {@code delegate}, one after the other; a load that
     * fails or is cancelled stops the ones after it, as the app's load of a series stops at its first failure.
     */
    public static StartupLoads begin(List<Path> files, AnalysisOptions options, SnapshotSource delegate) {
        StartupLoads loads = new StartupLoads(delegate, options, files);
        Thread thread = new Thread(loads::loadAll, "heapdelta-startup-load");
        // Like the app's workers: leaving the app does not wait for a load nobody will see.
        thread.setDaemon(true);
        thread.start();
        return loads;
    }

    private void loadAll() {
        List<Map.Entry<Path, Early>> named;
        synchronized (this) {
            named = new ArrayList<>(early.entrySet());
        }
        boolean stopped = false;
        for (Map.Entry<Path, Early> entry : named) {
            Early load = entry.getValue();
            if (stopped || load.cancel.isCancelled()) {
                stopped = true;
                load.result.completeExceptionally(new AnalysisCancelledException());
                continue;
            }
            Path file = entry.getKey();
            try {
                load.result.complete(delegate.load(file, file.toString(), options, load.cancel, load::progress));
            } catch (Exception | Error e) {
                stopped = true;
                load.result.completeExceptionally(e);
            }
        }
    }

    @Override
    public Snapshot load(Path file, String displayName, AnalysisOptions options, CancelSignal cancel,
            ProgressListener progress) throws IOException {
        Early load = claim(file, displayName, options);
        if (load == null) {
            return delegate.load(file, displayName, options, cancel, progress);
        }
        load.tellProgressTo(progress);
        while (true) {
            try {
                return unwrapped(load.result, CANCEL_CHECK_MILLIS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    cancelAll();
                }
            }
        }
    }

    /** The named dump's load, once, when asked for as it was named and with the options it is loaded with. */
    private Early claim(Path file, String displayName, AnalysisOptions asked) {
        synchronized (this) {
            Early load = early.get(file);
            if (load != null && !load.claimed && asked.equals(options) && displayName.equals(file.toString())) {
                load.claimed = true;
                return load;
            }
        }
        // The app asks for something else than was named (another option chosen first): nobody will ask for these.
        discardUnclaimed();
        return null;
    }

    private void discardUnclaimed() {
        List<Early> unclaimed = new ArrayList<>();
        synchronized (this) {
            for (Early load : early.values()) {
                if (!load.claimed) {
                    load.claimed = true;
                    unclaimed.add(load);
                }
            }
        }
        for (Early load : unclaimed) {
            load.cancel.cancel();
            load.result.thenAccept(Snapshot::close);
        }
    }

    /** The app's load was cancelled: this one and those after it stop, and what they made is closed. */
    private void cancelAll() {
        List<Early> loads;
        synchronized (this) {
            loads = new ArrayList<>(early.values());
        }
        for (Early load : loads) {
            load.cancel.cancel();
        }
    }

    private static Snapshot unwrapped(CompletableFuture<Snapshot> result, long millis)
            throws IOException, TimeoutException {
        try {
            return result.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
