package dev.heapdelta.app.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The capture-relevant flags of a Node process, read from its command line and {@code NODE_OPTIONS}:
 * whether its inspector is open (and where) and which signal makes it write a heap snapshot.
 *
 * @param heapSnapshotSignal the signal name without {@code SIG} ({@code USR2}), or null
 * @param inspect the {@code --inspect} value ({@code ""} when given without one), or null
 */
public record NodeFlags(String heapSnapshotSignal, String inspect) {
    /** Options that take their value as the next argument; the script name comes after these. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-r", "--require", "--import", "--loader",
            "--experimental-loader", "-e", "--eval", "-p", "--print", "--heapsnapshot-signal", "--inspect-port",
            "--title", "-C", "--conditions", "--input-type", "--env-file", "--max-old-space-size");

    /** True when the command line starts a Node binary. */
    public static boolean isNode(List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        String program = argv.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.equals("node") || name.equals("nodejs");
    }

    /** Reads the flags given before the script, then those in {@code NODE_OPTIONS} (may be null). */
    public static NodeFlags parse(List<String> argv, String nodeOptions) {
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String argument = argv.get(i);
            if (argument.equals("--") || !argument.startsWith("-")) {
                break;
            }
            flags.add(argument);
            if (OPTIONS_WITH_VALUE.contains(argument) && i + 1 < argv.size()) {
                flags.add(argv.get(++i));
            }
        }
        if (nodeOptions != null && !nodeOptions.isBlank()) {
            flags.addAll(List.of(nodeOptions.trim().split("\\s+")));
        }
        String signal = null;
        String inspect = null;
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (flag.startsWith("--heapsnapshot-signal=")) {
                signal = signalName(flag.substring(flag.indexOf('=') + 1));
            } else if (flag.equals("--heapsnapshot-signal") && i + 1 < flags.size()) {
                signal = signalName(flags.get(++i));
            } else if (flag.matches("--inspect(-brk|-wait)?")) {
                inspect = inspect == null ? "" : inspect;
            } else if (flag.matches("--inspect(-brk|-wait)?=.*")) {
                inspect = flag.substring(flag.indexOf('=') + 1);
            }
        }
        return new NodeFlags(signal, inspect);
    }

    private static String signalName(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        return name.startsWith("SIG") ? name.substring(3) : name;
    }

    public boolean hasInspector() {
        return inspect != null;
    }

    /** The inspector port, 9229 when not given; empty when it was chosen at start ({@code :0}). */
    public Optional<Integer> inspectorPort() {
        if (inspect == null) {
            return Optional.empty();
        }
        String port = inspect.contains(":") ? inspect.substring(inspect.lastIndexOf(':') + 1) : inspect;
        if (port.isEmpty()) {
            return Optional.of(InspectorEndpoint.DEFAULT_PORT);
        }
        if (!port.matches("\\d+")) {
            // --inspect=HOST alone keeps the default port.
            return Optional.of(InspectorEndpoint.DEFAULT_PORT);
        }
        int value = Integer.parseInt(port);
        return value == 0 ? Optional.empty() : Optional.of(value);
    }

    /** A short text for listings: {@code inspector 127.0.0.1:9229, signal SIGUSR2}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (inspect != null) {
            parts.add("inspector " + (inspect.isEmpty() ? InspectorEndpoint.DEFAULT : inspect));
        }
        if (heapSnapshotSignal != null) {
            parts.add("heap snapshot on SIG" + heapSnapshotSignal);
        }
        return parts.isEmpty() ? "no inspector, no --heapsnapshot-signal" : String.join(", ", parts);
    }
}
