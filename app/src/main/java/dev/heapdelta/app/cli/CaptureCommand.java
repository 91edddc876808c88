package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.capture.CaptureException;
import dev.heapdelta.app.capture.CaptureOptions;
import dev.heapdelta.app.capture.CaptureRequest;
import dev.heapdelta.app.capture.CaptureResult;
import dev.heapdelta.app.capture.CaptureTarget;
import dev.heapdelta.app.capture.CommandEnvironment;
import dev.heapdelta.app.capture.CommandLineText;
import dev.heapdelta.app.capture.ContainerTarget;
import dev.heapdelta.app.capture.HeapDumpCapture;
import dev.heapdelta.app.capture.InspectorEndpoint;
import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.LocalTargets;
import dev.heapdelta.app.capture.NodeProcess;
import dev.heapdelta.app.capture.SeriesCapture;
import dev.heapdelta.app.capture.TargetRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heapdelta capture}: takes heap dumps from local JVMs, Node processes and containers (DESIGN.md §6, §10). */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Takes a heap dump, or a series of them, and shows every command it runs.",
            "Targets: --pid (local JVM), --inspect or --signal (Node), --docker/--podman/--kube (containers)."},
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta capture --list",
            "  heapdelta capture --pid 4242 -o app.hprof.gz --gzip --series 3 --every 600",
            "  heapdelta capture --kube shop-api-7f9c -n shop --runtime node -o shop.heapsnapshot"})
final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the local JVMs and Node processes that can be dumped.")
    boolean list;

    @Option(names = "--pid", paramLabel = "PID", description = "A local JVM, dumped with jcmd GC.heap_dump.")
    Long pid;

    @Option(names = "--inspect", arity = "0..1", fallbackValue = InspectorEndpoint.DEFAULT, paramLabel = "HOST:PORT",
            description = "A Node inspector (default ${FALLBACK-VALUE}); loopback only unless --allow-remote.")
    String inspect;

    @Option(names = "--signal", paramLabel = "PID", description = "A local Node process started with --heapsnapshot-signal.")
    Long signalPid;

    @Option(names = "--docker", paramLabel = "CONTAINER", description = "A Docker container.")
    String docker;

    @Option(names = "--podman", paramLabel = "CONTAINER", description = "A Podman container.")
    String podman;

    @Option(names = "--kube", paramLabel = "POD", description = "A Kubernetes pod.")
    String kube;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The pod's namespace (with --kube).")
    String namespace;

    @Option(names = {"-c", "--container"}, paramLabel = "CTR", description = "The container in the pod (with --kube).")
    String container;

    @Option(names = "--runtime", paramLabel = "jvm|node", description = "What runs in the container.")
    String runtime;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the dump.")
    Path output;

    @Option(names = "--live", description = "Dump only live objects (a full GC first); the default dumps all.")
    boolean live;

    @Option(names = "--gzip", description = "Write the dump gzipped (4-6x smaller; HeapDelta reads it as is).")
    boolean gzip;

    @Option(names = "--allow-remote", description = "Allow --inspect to connect to a non-loopback host.")
    boolean allowRemote;

    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    @Option(names = "--series", paramLabel = "N", description = "Take N dumps: FILE becomes FILE-1, FILE-2, …")
    Integer series;

    @Option(names = "--every", paramLabel = "SECONDS", description = "The interval between the dumps of a series.")
    Double every;

    @Option(names = "--container-pid", paramLabel = "PID", defaultValue = "1",
            description = "The process to dump inside the container (default ${DEFAULT-VALUE}).")
    long containerPid = 1;

    @Option(names = "--container-dir", paramLabel = "DIR", defaultValue = "/tmp",
            description = "Where the temporary dump goes inside the container (default ${DEFAULT-VALUE}).")
    String containerDirectory = "/tmp";

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "The limit for writing and copying one dump (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 1800;

    private CommandEnvironment environment = CommandEnvironment.inherited();

    /** Tests run the real commands against fakes put first on this environment's PATH. */
    void useEnvironment(CommandEnvironment replacement) {
        this.environment = replacement;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintingCaptureListener listener = new PrintingCaptureListener(out, spec.commandLine().getErr());
        try {
            if (list) {
                requireNoTargetBesidesList();
                printList(out, listener);
                return ExitCode.OK;
            }
            CaptureRequest request = new CaptureRequest(target(), requiredOutput(), options());
            HeapDumpCapture capture = new HeapDumpCapture(environment);
            if (series == null) {
                if (every != null) {
                    throw new UsageException("--every needs --series N");
                }
                CaptureResult result = capture.capture(request, listener, new CancelSignal());
                out.println("wrote " + result.file() + " (" + ByteSizes.human(result.bytes()) + " in "
                        + seconds(result.elapsed()) + ")");
                return ExitCode.OK;
            }
            List<CaptureResult> results = new SeriesCapture(capture).capture(request, series, seriesInterval(),
                    listener, new CancelSignal());
            printSeries(out, results);
            return ExitCode.OK;
        } catch (CaptureException e) {
            throw new CaptureFailedException(e.getMessage(), e);
        } finally {
            out.flush();
        }
    }

    private CaptureTarget target() {
        List<String> chosen = chosenTargets();
        if (chosen.isEmpty()) {
            throw new UsageException("say what to capture: --pid, --inspect, --signal, --docker, --podman or --kube"
                    + " (or --list)");
        }
        if (chosen.size() > 1) {
            throw new UsageException("choose one target, not " + String.join(" and ", chosen));
        }
        boolean containerTarget = docker != null || podman != null || kube != null;
        if ((namespace != null || container != null) && kube == null) {
            throw new UsageException("-n and -c go with --kube");
        }
        if (allowRemote && inspect == null) {
            throw new UsageException("--allow-remote goes with --inspect");
        }
        if (runtime != null && !containerTarget) {
            throw new UsageException("--runtime goes with --docker, --podman or --kube");
        }
        if (pid != null) {
            return new CaptureTarget.LocalJvm(pid);
        }
        if (signalPid != null) {
            return new CaptureTarget.NodeSignal(signalPid);
        }
        if (inspect != null) {
            try {
                return new CaptureTarget.NodeInspector(InspectorEndpoint.parse(inspect, allowRemote));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--inspect: " + e.getMessage());
            }
        }
        if (runtime == null) {
            throw new UsageException("--runtime jvm|node is needed for a container target");
        }
        TargetRuntime targetRuntime;
        try {
            targetRuntime = TargetRuntime.parse(runtime);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--runtime: " + e.getMessage());
        }
        ContainerTarget where = kube != null ? new ContainerTarget.KubernetesPod(kube, namespace, container)
                : new ContainerTarget.EngineContainer(docker != null ? "docker" : "podman",
                        docker != null ? docker : podman);
        return new CaptureTarget.InContainer(where, targetRuntime);
    }

    private List<String> chosenTargets() {
        List<String> chosen = new ArrayList<>();
        if (pid != null) {
            chosen.add("--pid");
        }
        if (inspect != null) {
            chosen.add("--inspect");
        }
        if (signalPid != null) {
            chosen.add("--signal");
        }
        if (docker != null) {
            chosen.add("--docker");
        }
        if (podman != null) {
            chosen.add("--podman");
        }
        if (kube != null) {
            chosen.add("--kube");
        }
        return chosen;
    }

    private void requireNoTargetBesidesList() {
        if (!chosenTargets().isEmpty() || output != null || series != null) {
            throw new UsageException("--list takes no target and no -o");
        }
    }

    private Path requiredOutput() {
        if (output == null) {
            throw new UsageException("-o FILE is needed: where to write the dump");
        }
        return output;
    }

    private CaptureOptions options() {
        if (timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be positive");
        }
        if (containerPid < 1) {
            throw new UsageException("--container-pid must be a process id");
        }
        return CaptureOptions.defaults()
                .withLiveOnly(live)
                .withGzip(gzip)
                .withOverwrite(force)
                .withContainerPid(containerPid)
                .withContainerDirectory(containerDirectory)
                .withTimeouts(CaptureOptions.defaults().commandTimeout(), Duration.ofSeconds(timeoutSeconds));
    }

    private Duration seriesInterval() {
        if (series < 1) {
            throw new UsageException("--series needs at least 1 dump");
        }
        if (every == null) {
            if (series == 1) {
                return Duration.ZERO;
            }
            throw new UsageException("--series needs --every SECONDS");
        }
        if (!(every >= 0) || every.isInfinite()) {
            throw new UsageException("--every must be a number of seconds");
        }
        return Duration.ofMillis(Math.round(every * 1000));
    }

    private void printList(PrintWriter out, PrintingCaptureListener listener) throws CaptureException {
        LocalTargets targets = new LocalTargets(environment);
        List<JvmProcess> jvms = targets.jvms(listener, new CancelSignal());
        out.println("JVMs (capture --pid PID -o FILE):");
        if (jvms.isEmpty()) {
            out.println("  none found (only JVMs of this user are visible)");
        }
        for (JvmProcess jvm : jvms) {
            out.printf(Locale.ROOT, "  %-8d %s%n", jvm.pid(), shorten(jvm.displayName()));
        }
        List<NodeProcess> nodes = targets.nodeProcesses();
        out.println("Node processes (capture --inspect HOST:PORT or --signal PID):");
        if (nodes.isEmpty()) {
            out.println("  none found");
        }
        for (NodeProcess node : nodes) {
            out.printf(Locale.ROOT, "  %-8d %s%n           [%s]%n", node.pid(), shorten(node.commandLine()),
                    node.flags().describe());
        }
    }

    private static String shorten(String commandLine) {
        return commandLine.length() <= 100 ? commandLine : commandLine.substring(0, 99) + "…";
    }

    private static void printSeries(PrintWriter out, List<CaptureResult> results) {
        for (CaptureResult result : results) {
            out.println("wrote " + result.file() + " (" + ByteSizes.human(result.bytes()) + ")");
        }
        if (results.size() >= 2) {
            List<String> diff = new ArrayList<>(List.of("heapdelta", "diff"));
            results.forEach(result -> diff.add(result.file().toString()));
            out.println("compare them with:");
            out.println("  " + CommandLineText.render(diff));
        }
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
