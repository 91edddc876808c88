package dev.heapdelta.app.capture;

/** The plain explanation for an image without {@code jcmd} (JRE-only, distroless), with the ways out. */
final class MissingJcmdAdvice {
    static final String DEBUG_IMAGE = "eclipse-temurin:21-jdk";

    private MissingJcmdAdvice() {
    }

    static String text(ContainerTarget target, long pid) {
        String dump = "jcmd " + pid + " GC.heap_dump /tmp/heap.hprof";
        StringBuilder text = new StringBuilder();
        text.append(target.describe()).append(" has no jcmd: its image is JRE-only or distroless, so the JVM cannot be")
                .append(" asked for a heap dump from inside the container.\nWays out:\n");
        if (target instanceof ContainerTarget.KubernetesPod pod) {
            String namespace = pod.namespace() == null ? "" : " -n " + CommandLineText.quote(pod.namespace());
            String container = pod.container() == null ? "CONTAINER" : CommandLineText.quote(pod.container());
            text.append("  - an ephemeral debug container with a full JDK, sharing the JVM's process namespace")
                    .append(" (needs ephemeral containers, Kubernetes 1.25+):\n")
                    .append("      kubectl debug -it ").append(CommandLineText.quote(pod.pod())).append(namespace)
                    .append(" --image=").append(DEBUG_IMAGE).append(" --target=").append(container)
                    .append(" -- ").append(dump).append("\n")
                    .append("    the JVM writes the file into its own filesystem; copy it out with\n")
                    .append("      kubectl cp").append(namespace).append(" -c ").append(container).append(' ')
                    .append(CommandLineText.quote(pod.pod())).append(":/tmp/heap.hprof heap.hprof\n")
                    .append("    (docs/capture.md has the variant for images without tar);\n")
                    .append("  - `kubectl port-forward` to a JMX port, if the JVM was started with one, and dump with")
                    .append(" a local JMX client (HotSpotDiagnostic.dumpHeap);\n");
        } else if (target instanceof ContainerTarget.EngineContainer engine) {
            String name = CommandLineText.quote(engine.container());
            text.append("  - a debug container with a full JDK that shares the JVM's process namespace:\n")
                    .append("      ").append(engine.program()).append(" run --rm --pid=container:").append(name)
                    .append(" --cap-add=SYS_PTRACE ").append(DEBUG_IMAGE).append(' ').append(dump).append("\n")
                    .append("    then copy the file out with `").append(engine.program()).append(" cp ").append(name)
                    .append(":/tmp/heap.hprof heap.hprof`;\n")
                    .append("  - a published JMX port, if the JVM was started with one, and a local JMX client;\n");
        }
        text.append("  - for Node, the signal route (--runtime node) needs no tools in the image;\n")
                .append("  - or use an image with a full JDK (e.g. ").append(DEBUG_IMAGE).append(") for this service.");
        return text.toString();
    }
}
