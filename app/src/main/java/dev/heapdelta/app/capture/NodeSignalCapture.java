package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.store.PrivateFile;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures a local Node process started with {@code --heapsnapshot-signal}: sends it that signal,
 * waits for the {@code Heap.*.heapsnapshot} it writes into its working directory, and moves it to the
 * requested file.
 */
final class NodeSignalCapture {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int STABLE_POLLS = 4;

    private final CommandRunner runner;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    NodeSignalCapture(CommandRunner runner, CaptureListener listener, CancelSignal cancel) {
        this.runner = runner;
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(long pid, DumpDestination destination, CaptureOptions options) throws CaptureException {
        LocalJvmCapture.requireRunning(pid);
        List<String> argv = ProcFiles.commandLine(pid);
        NodeFlags flags = NodeFlags.parse(argv, ProcFiles.environmentVariable(pid, "NODE_OPTIONS"));
        if (flags.heapSnapshotSignal() == null) {
            throw new CaptureException(NodeAdvice.noSignalFlag("process " + pid, NodeFlags.isNode(argv)));
        }
        Path directory = ProcFiles.workingDirectory(pid);
        LocalSnapshotDirectory snapshots = new LocalSnapshotDirectory(directory);
        Map<String, Long> before = snapshots.snapshotSizes();
        runner.run(List.of("kill", "-s", flags.heapSnapshotSignal(), Long.toString(pid)), options.commandTimeout())
                .requireSuccess("sending SIG" + flags.heapSnapshotSignal() + " to process " + pid + " failed");
        String name = new SnapshotFileWait(POLL, STABLE_POLLS, listener, cancel)
                .awaitNewSnapshot(snapshots, before.keySet(), options.dumpTimeout());
        Path written = directory.resolve(name);
        try {
            // node wrote it with its own umask; it becomes 0600 before it takes our name.
            PrivateFile.restrict(written);
            Files.move(written, destination.partial(), StandardCopyOption.REPLACE_EXISTING);
            listener.note("moved " + written + " to " + destination.file());
        } catch (IOException moveFailed) {
            try (InputStream in = Files.newInputStream(written); OutputStream out = PrivateFile.create(destination.partial())) {
                in.transferTo(out);
                listener.warning("could not move " + written + " (" + moveFailed.getMessage()
                        + "); copied it, and the original is still there");
            } catch (IOException e) {
                destination.discard();
                throw new CaptureException("the snapshot is at " + written + " but could not be copied to "
                        + destination.file() + ": " + e.getMessage(), e);
            }
        }
        try {
            return destination.commit();
        } finally {
            destination.discard();
        }
    }

    /** The working directory of a local process. */
    private record LocalSnapshotDirectory(Path directory) implements SnapshotDirectory {
        @Override
        public Map<String, Long> snapshotSizes() throws CaptureException {
            Map<String, Long> sizes = new HashMap<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "Heap.*.heapsnapshot")) {
                for (Path entry : entries) {
                    try {
                        sizes.put(entry.getFileName().toString(), Files.size(entry));
                    } catch (IOException vanished) {
                        // Removed between listing and sizing; not the file we wait for.
                    }
                }
            } catch (IOException e) {
                throw new CaptureException("cannot list " + directory + ": " + e.getMessage(), e);
            }
            return sizes;
        }

        /** A V8 snapshot is one JSON object; until its closing brace is written it is not complete. */
        @Override
        public boolean looksComplete(String fileName) {
            try (RandomAccessFile file = new RandomAccessFile(directory.resolve(fileName).toFile(), "r")) {
                long position = file.length() - 1;
                while (position >= 0) {
                    file.seek(position);
                    int last = file.read();
                    if (!Character.isWhitespace(last)) {
                        return last == '}';
                    }
                    position--;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
