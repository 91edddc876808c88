package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.UninterruptibleJoin;
import java.util.List;

/**
 * Runs the shortest paths' searches of a series' earlier snapshots to their end on a second thread while the
 * detectors start on the last one. The container census asks for every container's parent edge, which takes
 * each snapshot's search through most of its graph (seconds for a 38 M-object dump), and the census of the
 * last snapshot comes first; otherwise the searches run one after the other on the detectors' thread. Closing
 * waits for the thread, so that no search outlives the detectors (the snapshots may be closed next); once the
 * search for suspects is cancelled, the thread stops within 64 Ki objects, and a later question resumes it.
 */
final class PathSearchesAhead implements AutoCloseable {
    private final Thread thread;
    private volatile RuntimeException failure;

    private PathSearchesAhead(SeriesContext series) {
        List<Snapshot> earlier = series.snapshots().subList(0, series.size() - 1);
        thread = new Thread(() -> finishAll(earlier, series), "heapdelta-path-searches");
        thread.setDaemon(true);
    }

    /** Started when there are earlier snapshots and a second core to search them on; else null. */
    static PathSearchesAhead start(SeriesContext series) {
        if (series.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
            return null;
        }
        PathSearchesAhead ahead = new PathSearchesAhead(series);
        ahead.thread.start();
        return ahead;
    }

    private void finishAll(List<Snapshot> snapshots, SeriesContext series) {
        try {
            for (Snapshot snapshot : snapshots) {
                snapshot.shortestPaths().finish(series.cancelSignal());
            }
        } catch (AnalysisCancelledException e) {
            // The detectors stop at their next step too.
        } catch (RuntimeException e) {
            // The detectors' thread reports it, rather than go on with a search this thread left halfway.
            failure = e;
        }
    }

    /** Waits for the searches; throws what stopped one of them other than the cancel. */
    @Override
    public void close() {
        // The snapshots may not be closed under the searches: an interrupt waits for them, then stays set.
        UninterruptibleJoin.await(thread);
        if (failure != null) {
            throw failure;
        }
    }
}
