package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures a Node process inside a container, by the route its flags allow: the signal route
 * ({@code --heapsnapshot-signal}: signal it, wait for the file, copy it out, remove it) or, in
 * Kubernetes, the inspector through {@code kubectl port-forward}.
 */
final class ContainerNodeCapture {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int STABLE_POLLS = 3;
    private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+)");

    private final CommandRunner runner;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    ContainerNodeCapture(CommandRunner runner, CaptureListener listener, CancelSignal cancel) {
        this.runner = runner;
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(ContainerTarget target, DumpDestination destination, CaptureOptions options) throws CaptureException {
        ContainerSession session = new ContainerSession(target, runner, listener, options);
        long pid = options.containerPid();
        CommandResult cmdline = session.exec("cat", "/proc/" + pid + "/cmdline");
        if (ContainerSession.programMissing(cmdline, "cat")) {
            throw new CaptureException(target.describe() + " has no shell tools (a distroless image), so its Node"
                    + " process cannot be inspected from inside.\n" + NodeAdvice.noRouteInContainer(target, pid));
        }
        if (!cmdline.succeeded()) {
            throw cmdline.failure("cannot read the command line of process " + pid + " in " + target.describe());
        }
        List<String> argv = ProcFiles.splitNulSeparated(cmdline.stdout().strip());
        CommandResult environ = session.exec("cat", "/proc/" + pid + "/environ");
        String nodeOptions = environ.succeeded() ? ProcFiles.variable(environ.stdout(), "NODE_OPTIONS") : null;
        if (!NodeFlags.isNode(argv)) {
            throw new CaptureException("process " + pid + " in " + target.describe() + " is not node but `"
                    + String.join(" ", argv) + "`; name the Node process with --container-pid");
        }
        NodeFlags flags = NodeFlags.parse(argv, nodeOptions);
        if (flags.heapSnapshotSignal() != null) {
            return signalRoute(session, pid, flags.heapSnapshotSignal(), destination, options);
        }
        if (flags.hasInspector() && target instanceof ContainerTarget.KubernetesPod pod) {
            int port = flags.inspectorPort().orElseThrow(() -> new CaptureException("the Node process in "
                    + target.describe() + " chose its inspector port at start (--inspect=…:0); restart it with a"
                    + " fixed port"));
            return inspectorRoute(pod, port, destination, options);
        }
        if (flags.hasInspector()) {
            throw new CaptureException("the Node process in " + target.describe() + " has its inspector open ("
                    + flags.describe() + ") but not --heapsnapshot-signal. Publish the inspector port to 127.0.0.1"
                    + " and run `heapdelta capture --inspect 127.0.0.1:PORT -o FILE`");
        }
        throw new CaptureException(NodeAdvice.noRouteInContainer(target, pid));
    }

    private long signalRoute(ContainerSession session, long pid, String signal, DumpDestination destination,
            CaptureOptions options) throws CaptureException {
        CommandResult cwd = session.exec("readlink", "/proc/" + pid + "/cwd");
        String directory = cwd.succeeded() && cwd.stdout().strip().startsWith("/") ? cwd.stdout().strip()
                : "/proc/" + pid + "/cwd";
        ContainerSnapshotDirectory snapshots = new ContainerSnapshotDirectory(session, directory);
        Map<String, Long> before = snapshots.snapshotSizes();
        session.probeSpace(directory).nodeSnapshotWarnings(directory, session.target().describe())
                .forEach(listener::warning);
        session.exec("sh", "-c", "kill -s " + signal + " " + pid).requireSuccess(
                "sending SIG" + signal + " to process " + pid + " in " + session.target().describe() + " failed");
        String name = new SnapshotFileWait(POLL, STABLE_POLLS, listener, cancel)
                .awaitNewSnapshot(snapshots, before.keySet(), options.dumpTimeout());
        String remote = directory + "/" + name;
        try {
            session.copyOut(remote, destination.partial(), -1);
            return destination.commit();
        } finally {
            session.removeQuietly(remote);
            destination.discard();
        }
    }

    private long inspectorRoute(ContainerTarget.KubernetesPod pod, int podPort, DumpDestination destination,
            CaptureOptions options) throws CaptureException {
        try (BackgroundCommand forward = runner.start(pod.portForward(podPort))) {
            Matcher ready = forward.awaitLine(FORWARDING, options.commandTimeout());
            InspectorEndpoint local = new InspectorEndpoint("127.0.0.1", Integer.parseInt(ready.group(1)), false);
            return new InspectorCapture(listener, cancel).capture(local, destination, options);
        }
    }

    /** A directory inside the container, listed with {@code ls -ln} (coreutils and busybox agree on its columns). */
    private record ContainerSnapshotDirectory(ContainerSession session, String directory) implements SnapshotDirectory {
        @Override
        public Map<String, Long> snapshotSizes() throws CaptureException {
            CommandResult listing = session.exec("ls", "-ln", directory);
            if (!listing.succeeded()) {
                throw listing.failure("cannot list " + directory + " in " + session.target().describe());
            }
            return parseListing(listing.stdout());
        }
    }

    static Map<String, Long> parseListing(String lsOutput) {
        Map<String, Long> sizes = new HashMap<>();
        for (String line : lsOutput.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 9 && SnapshotFileNames.isSignalSnapshot(fields[fields.length - 1])
                    && fields[4].matches("\\d+")) {
                sizes.put(fields[fields.length - 1], Long.parseLong(fields[4]));
            }
        }
        return sizes;
    }
}
