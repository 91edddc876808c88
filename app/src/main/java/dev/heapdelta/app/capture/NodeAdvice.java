package dev.heapdelta.app.capture;

import java.util.List;

/** The plain explanations, with the ways out, for Node processes that offer no route to a snapshot. */
final class NodeAdvice {
    private NodeAdvice() {
    }

    static String noSignalFlag(String process, boolean isNode) {
        if (!isNode) {
            return process + " is not a Node process (its command line does not start with node), so it cannot be"
                    + " dumped with --signal";
        }
        return process + " was not started with --heapsnapshot-signal, so a signal would not make it write a"
                + " snapshot (SIGUSR2 would simply stop it). Ways out:\n"
                + "  - restart it with NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2 (or the flag on its command line);\n"
                + "  - or open its inspector: `kill -USR1 PID` makes a running Node listen on 127.0.0.1:9229, then\n"
                + "    `heapdelta capture --inspect 127.0.0.1:9229 -o FILE`";
    }

    static String noRouteInContainer(ContainerTarget container, long pid) {
        String portForward = container instanceof ContainerTarget.KubernetesPod pod
                ? "  - open its inspector (`" + CommandLineText.render(container.exec(List.of("kill", "-USR1",
                        Long.toString(pid)))) + "`), then `" + CommandLineText.render(pod.portForward(9229))
                        .replace("0:9229", "9229:9229") + "` and `heapdelta capture --inspect 127.0.0.1:9229 -o FILE`;\n"
                : "  - publish its inspector port (started with --inspect=0.0.0.0:9229 and -p 127.0.0.1:9229:9229),"
                        + " then `heapdelta capture --inspect 127.0.0.1:9229 -o FILE`;\n";
        return "the Node process " + pid + " in " + container.describe() + " was started neither with"
                + " --heapsnapshot-signal nor with --inspect, so there is no way to ask it for a snapshot from outside."
                + " Ways out:\n"
                + "  - restart it with NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2 and capture again (the signal route);\n"
                + portForward
                + "  - or call v8.writeHeapSnapshot() from the application (an admin endpoint) and copy the file out";
    }
}
