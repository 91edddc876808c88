package dev.heapdelta.app.gui.acquire;

import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.capture.CaptureException;
import dev.heapdelta.app.capture.CaptureOptions;
import dev.heapdelta.app.capture.CaptureRequest;
import dev.heapdelta.app.capture.CaptureResult;
import dev.heapdelta.app.capture.CaptureTarget;
import dev.heapdelta.app.capture.CommandEnvironment;
import dev.heapdelta.app.capture.HeapDumpCapture;
import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.LocalTargets;
import dev.heapdelta.app.capture.NodeProcess;
import dev.heapdelta.app.capture.SeriesCapture;
import dev.heapdelta.app.gui.format.HumanSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Acquire heap dump" dialog's state: which process, where the dump goes, how many; runs the capture on
 * a worker and shows every command, its output and the size written. Call its methods on the FX thread.
 */
public final class AcquireViewModel {
    private static final String JVM_LIST_FAILED = "listing the JVMs failed: ";
    private static final String NO_JVM = "No JVM of this user was found.";
    private static final String CHOOSE = "Choose the process, then Start.";

    private final Executor workers;
    private final Executor fxThread;
    private final CommandEnvironment environment;
    private final Consumer<List<Path>> opener;
    private final TargetFields target = new TargetFields();
    private final ObservableList<JvmProcess> jvms = FXCollections.observableArrayList();
    private final ObservableList<NodeProcess> nodes = FXCollections.observableArrayList();
    private final StringProperty outputFile = new SimpleStringProperty("");
    private final BooleanProperty liveOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty gzip = new SimpleBooleanProperty(false);
    private final IntegerProperty seriesCount = new SimpleIntegerProperty(1);
    private final IntegerProperty intervalSeconds = new SimpleIntegerProperty(600);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(CHOOSE);
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Path> captured = FXCollections.observableArrayList();
    private CancelSignal cancel = new CancelSignal();

    /**
     * @param workers where captures and listings run
     * @param fxThread hands results back to the FX thread ({@code Platform::runLater} in the app)
     * @param opener opens captured files as a series in the app
     */
    public AcquireViewModel(Executor workers, Executor fxThread, CommandEnvironment environment,
            Consumer<List<Path>> opener) {
        this.workers = workers;
        this.fxThread = fxThread;
        this.environment = environment;
        this.opener = opener;
    }

    /**
     * Lists the local JVMs and Node processes again in the background; the chosen JVM is kept when it is
     * still there.
     */
    public void refreshProcesses() {
        if (listing.get()) {
            return;
        }
        listing.set(true);
        CancelSignal listingCancel = new CancelSignal();
        FxCaptureListener feed = new FxCaptureListener(fxThread, log::addAll, bytes -> { });
        workers.execute(() -> {
            LocalTargets targets = new LocalTargets(environment);
            List<NodeProcess> nodesFound = targets.nodeProcesses();
            try {
                List<JvmProcess> found = targets.jvms(feed, listingCancel);
                fxThread.execute(() -> listed(found, nodesFound, null));
            } catch (CaptureException | AnalysisCancelledException problem) {
                fxThread.execute(() -> listed(List.of(), nodesFound, problem.getMessage()));
            }
        });
    }

    private void listed(List<JvmProcess> found, List<NodeProcess> nodesFound, String problem) {
        listing.set(false);
        nodes.setAll(nodesFound);
        JvmProcess selected = target.jvmProperty().get();
        jvms.setAll(found);
        if (selected != null && !found.contains(selected)) {
            target.jvmProperty().set(null);
        }
        if (problem != null) {
            log.add(JVM_LIST_FAILED + problem);
            status.set(JVM_LIST_FAILED + problem);
        } else if (found.isEmpty() && !running.get()) {
            status.set(NO_JVM);
        } else if (!found.isEmpty() && (NO_JVM.equals(status.get()) || status.get().startsWith(JVM_LIST_FAILED))) {
            status.set(CHOOSE);
        }
    }

    /** Starts the capture (or series) described by the fields; says in the status what is missing instead. */
    public void start() {
        if (running.get()) {
            return;
        }
        CaptureRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException invalid) {
            status.set("Cannot start: " + invalid.getMessage() + ".");
            return;
        }
        int count = Math.max(1, seriesCount.get());
        Duration interval = Duration.ofSeconds(Math.max(0, intervalSeconds.get()));
        cancel = new CancelSignal();
        CancelSignal thisRun = cancel;
        running.set(true);
        captured.clear();
        progress.set(0);
        sizeText.set("");
        status.set("Capturing " + request.target().describe() + (count > 1 ? " (" + count + " dumps)" : "") + "…");
        log.add("# " + request.target().describe() + " → " + request.output().toAbsolutePath());
        FxCaptureListener feed = new FxCaptureListener(fxThread, log::addAll, this::showBytes);
        workers.execute(() -> {
            boolean reported = false;
            try {
                HeapDumpCapture capture = new HeapDumpCapture(environment);
                List<CaptureResult> results = count == 1 ? List.of(capture.capture(request, feed, thisRun))
                        : new SeriesCapture(capture).capture(request, count, interval, feed, thisRun);
                reported = true;
                fxThread.execute(() -> finished(results, null));
            } catch (AnalysisCancelledException cancelled) {
                reported = true;
                fxThread.execute(() -> finished(List.of(), "Cancelled."));
            } catch (CaptureException failed) {
                reported = true;
                fxThread.execute(() -> finished(List.of(), "Failed: " + failed.getMessage()));
            } finally {
                if (!reported) {
                    // A bug in the capture: the dialog must not stay "running" for ever; the error itself goes to
                    // the worker thread's handler.
                    fxThread.execute(() -> finished(List.of(), "Failed: the capture stopped on an internal error."));
                }
            }
        });
    }

    private CaptureRequest request() {
        CaptureTarget chosen = target.target();
        String file = outputFile.get() == null ? "" : outputFile.get().trim();
        if (file.isEmpty()) {
            throw new IllegalArgumentException("choose the output file");
        }
        CaptureOptions options = CaptureOptions.defaults().withLiveOnly(liveOnly.get()).withGzip(gzip.get());
        return new CaptureRequest(chosen, Path.of(file).toAbsolutePath(), options);
    }

    private void showBytes(long[] doneAndTotal) {
        if (!running.get()) {
            return;
        }
        long done = doneAndTotal[0];
        long total = doneAndTotal[1];
        // An unknown total leaves the bar empty rather than animated: software rendering repaints animation
        // on the FX thread every frame.
        progress.set(total > 0 ? Math.min(1, (double) done / total) : 0);
        sizeText.set(total > 0 ? HumanSizes.size(done) + " of about " + HumanSizes.size(total) + " written"
                : HumanSizes.size(done) + " written");
    }

    private void finished(List<CaptureResult> results, String problem) {
        running.set(false);
        if (problem != null) {
            progress.set(0);
            log.add(problem);
            status.set(problem);
            return;
        }
        progress.set(1);
        long bytes = results.stream().mapToLong(CaptureResult::bytes).sum();
        sizeText.set(HumanSizes.size(bytes) + " written");
        captured.setAll(results.stream().map(CaptureResult::file).toList());
        String done = (results.size() == 1 ? "Dump written: " + results.get(0).file()
                : results.size() + " dumps written, the first " + results.get(0).file())
                + ". Open in HeapDelta to analyse.";
        log.add(done);
        status.set(done);
    }

    /** Stops the running capture at its next check; the status then says cancelled. */
    public void cancel() {
        if (running.get()) {
            status.set("Cancelling…");
            cancel.cancel();
        }
    }

    /** Opens the captured dumps as one series in the app, oldest first. */
    public void openCaptured() {
        if (!captured.isEmpty()) {
            opener.accept(List.copyOf(captured));
        }
    }

    /** A file name in the user's home for the chosen target, for the Save chooser and an empty output field. */
    public String suggestedFileName() {
        return "heapdump" + target.usualExtension() + (gzip.get() ? ".gz" : "");
    }

    public TargetFields target() {
        return target;
    }

    public ObservableList<JvmProcess> jvms() {
        return jvms;
    }

    /** The Node processes of this machine with their inspector and signal flags, as of the last refresh. */
    public ObservableList<NodeProcess> nodes() {
        return nodes;
    }

    /** Fills the signal PID and, when the process has an inspector, its address from a listed Node process. */
    public void chooseNode(NodeProcess node) {
        if (node == null) {
            return;
        }
        target.signalPidProperty().set(Long.toString(node.pid()));
        node.flags().inspectorPort().ifPresent(port -> target.inspectorProperty().set("127.0.0.1:" + port));
    }

    public StringProperty outputFileProperty() {
        return outputFile;
    }

    public BooleanProperty liveOnlyProperty() {
        return liveOnly;
    }

    public BooleanProperty gzipProperty() {
        return gzip;
    }

    public IntegerProperty seriesCountProperty() {
        return seriesCount;
    }

    public IntegerProperty intervalSecondsProperty() {
        return intervalSeconds;
    }

    /** Every command run, in full, its output, and what the capture noted. */
    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeTextProperty() {
        return sizeText.getReadOnlyProperty();
    }

    /** From 0 to 1; 0 while the total is unknown (the size text still grows). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    /** The dumps of the last successful capture. */
    public ObservableList<Path> captured() {
        return captured;
    }
}
