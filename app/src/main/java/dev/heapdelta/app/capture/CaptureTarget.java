package dev.heapdelta.app.capture;

/** What to dump: a local JVM, a Node process (inspector or signal), or a process in a container. */
public sealed interface CaptureTarget {

    /** How the target is named to people. */
    String describe();

    /** The format of the dump this target produces, for naming files. */
    default boolean producesV8Snapshot() {
        return false;
    }

    /** A HotSpot JVM on this machine, dumped with {@code jcmd PID GC.heap_dump} or the Attach API. */
    record LocalJvm(long pid) implements CaptureTarget {
        @Override
        public String describe() {
            return "JVM " + pid;
        }
    }

    /** A Node process whose inspector listens at the endpoint. */
    record NodeInspector(InspectorEndpoint endpoint) implements CaptureTarget {
        @Override
        public String describe() {
            return "Node inspector at " + endpoint;
        }

        @Override
        public boolean producesV8Snapshot() {
            return true;
        }
    }

    /** A local Node process started with {@code --heapsnapshot-signal}. */
    record NodeSignal(long pid) implements CaptureTarget {
        @Override
        public String describe() {
            return "Node process " + pid;
        }

        @Override
        public boolean producesV8Snapshot() {
            return true;
        }
    }

    /** A JVM or Node process inside a Docker/Podman container or a Kubernetes pod. */
    record InContainer(ContainerTarget container, TargetRuntime runtime) implements CaptureTarget {
        @Override
        public String describe() {
            return (runtime == TargetRuntime.JVM ? "JVM" : "Node process") + " in " + container.describe();
        }

        @Override
        public boolean producesV8Snapshot() {
            return runtime == TargetRuntime.NODE;
        }
    }
}
