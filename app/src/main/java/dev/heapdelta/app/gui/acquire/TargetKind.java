package dev.heapdelta.app.gui.acquire;

/** The kinds of process the acquire dialog can take a dump from, as the user picks them. */
public enum TargetKind {
    LOCAL_JVM("Local JVM", ".hprof"),
    NODE_INSPECTOR("Node.js inspector (host:port)", ".heapsnapshot"),
    NODE_SIGNAL("Node.js process by signal (PID)", ".heapsnapshot"),
    CONTAINER("Docker or Podman container", ".hprof"),
    KUBERNETES("Kubernetes pod", ".hprof");

    private final String label;
    private final String usualExtension;

    TargetKind(String label, String usualExtension) {
        this.label = label;
        this.usualExtension = usualExtension;
    }

    /** The extension a dump of this kind usually has; containers depend on the chosen runtime. */
    public String usualExtension() {
        return usualExtension;
    }

    @Override
    public String toString() {
        return label;
    }
}
