package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds what can be dumped on this machine: JVMs (Attach API, or {@code jcmd -l}) and Node processes (/proc). */
public final class LocalTargets {
    private static final String JCMD_ITSELF = "sun.tools.jcmd.JCmd";

    private final CommandEnvironment environment;

    public LocalTargets(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** The JVMs of this user, except HeapDelta's own JVM. */
    public List<JvmProcess> jvms(CaptureListener listener, CancelSignal cancel) throws CaptureException {
        long self = ProcessHandle.current().pid();
        List<JvmProcess> found = LocalJvmCapture.attachApiPresent() ? AttachApiJvms.list() : listWithJcmd(listener, cancel);
        return found.stream()
                .filter(jvm -> jvm.pid() != self && !jvm.displayName().contains(JCMD_ITSELF))
                .sorted(Comparator.comparingLong(JvmProcess::pid))
                .toList();
    }

    private List<JvmProcess> listWithJcmd(CaptureListener listener, CancelSignal cancel) throws CaptureException {
        String jcmd = LocalJvmCapture.findJcmd(environment).map(Path::toString).orElseThrow(() -> new CaptureException(
                "cannot list JVMs: this Java runtime has neither the Attach API nor jcmd"));
        CommandResult result = new CommandRunner(environment, listener, cancel)
                .run(List.of(jcmd, "-l"), Duration.ofSeconds(30));
        if (!result.succeeded()) {
            throw result.failure("listing JVMs failed");
        }
        return parseJcmdList(result.stdout());
    }

    static List<JvmProcess> parseJcmdList(String output) {
        List<JvmProcess> jvms = new ArrayList<>();
        for (String line : output.split("\n")) {
            String trimmed = line.trim();
            int space = trimmed.indexOf(' ');
            String pid = space < 0 ? trimmed : trimmed.substring(0, space);
            if (pid.matches("\\d+")) {
                jvms.add(new JvmProcess(Long.parseLong(pid), space < 0 ? "" : trimmed.substring(space + 1).trim()));
            }
        }
        return jvms;
    }

    /** Node processes visible in /proc, with their inspector and signal flags. */
    public List<NodeProcess> nodeProcesses() {
        List<NodeProcess> nodes = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                List<String> argv = ProcFiles.commandLine(pid);
                if (NodeFlags.isNode(argv)) {
                    NodeFlags flags = NodeFlags.parse(argv, ProcFiles.environmentVariable(pid, "NODE_OPTIONS"));
                    nodes.add(new NodeProcess(pid, String.join(" ", argv), flags));
                }
            }
        } catch (IOException noProc) {
            return List.of();
        }
        nodes.sort(Comparator.comparingLong(NodeProcess::pid));
        return nodes;
    }
}
