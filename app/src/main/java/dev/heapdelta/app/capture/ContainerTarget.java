package dev.heapdelta.app.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container reached through its engine's CLI, and the command lines that reach into it. Only argv
 * lists are built here; {@link CommandRunner} runs them.
 */
public sealed interface ContainerTarget {

    /** The program that is run ({@code docker}, {@code podman}, {@code kubectl}). */
    String program();

    /** How the target is named to people: {@code docker container web-1}, {@code pod shop/web-7f9 (container app)}. */
    String describe();

    /** A command run inside the container, without a shell. */
    List<String> exec(List<String> command);

    /** Copies a file out of the container to a local path. */
    List<String> copyOut(String containerPath, Path localPath);

    /** A Docker or Podman container, by name or id. */
    record EngineContainer(String program, String container) implements ContainerTarget {
        @Override
        public String describe() {
            return program + " container " + container;
        }

        @Override
        public List<String> exec(List<String> command) {
            List<String> line = new ArrayList<>(List.of(program, "exec", container));
            line.addAll(command);
            return line;
        }

        @Override
        public List<String> copyOut(String containerPath, Path localPath) {
            return List.of(program, "cp", container + ":" + containerPath, localPath.toString());
        }
    }

    /** A Kubernetes pod, with an optional namespace and container (kubectl's defaults otherwise). */
    record KubernetesPod(String pod, String namespace, String container) implements ContainerTarget {
        @Override
        public String program() {
            return "kubectl";
        }

        @Override
        public String describe() {
            return "pod " + (namespace == null ? "" : namespace + "/") + pod
                    + (container == null ? "" : " (container " + container + ")");
        }

        @Override
        public List<String> exec(List<String> command) {
            List<String> line = new ArrayList<>(List.of("kubectl", "exec", pod));
            line.addAll(namespaceAndContainer());
            line.add("--");
            line.addAll(command);
            return line;
        }

        @Override
        public List<String> copyOut(String containerPath, Path localPath) {
            List<String> line = new ArrayList<>(List.of("kubectl", "cp"));
            line.addAll(namespaceAndContainer());
            line.add(pod + ":" + containerPath);
            line.add(localPath.toString());
            return line;
        }

        /** Forwards a free local port to a port of the pod; kubectl prints the local port it chose. */
        public List<String> portForward(int podPort) {
            List<String> line = new ArrayList<>(List.of("kubectl", "port-forward"));
            if (namespace != null) {
                line.addAll(List.of("-n", namespace));
            }
            line.add("pod/" + pod);
            line.add("0:" + podPort);
            return line;
        }

        private List<String> namespaceAndContainer() {
            List<String> options = new ArrayList<>();
            if (namespace != null) {
                options.addAll(List.of("-n", namespace));
            }
            if (container != null) {
                options.addAll(List.of("-c", container));
            }
            return options;
        }
    }
}
