package dev.heapdelta.app.gui.acquire;

import dev.heapdelta.app.capture.CaptureTarget;
import dev.heapdelta.app.capture.ContainerTarget;
import dev.heapdelta.app.capture.InspectorEndpoint;
import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.TargetRuntime;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the user typed or picked to name the process to dump, and the {@link CaptureTarget} it means. */
public final class TargetFields {
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.LOCAL_JVM);
    private final ObjectProperty<JvmProcess> jvm = new SimpleObjectProperty<>();
    private final StringProperty inspector = new SimpleStringProperty(InspectorEndpoint.DEFAULT);
    private final BooleanProperty allowRemote = new SimpleBooleanProperty(false);
    private final StringProperty signalPid = new SimpleStringProperty("");
    private final StringProperty engine = new SimpleStringProperty("docker");
    private final StringProperty container = new SimpleStringProperty("");
    private final StringProperty pod = new SimpleStringProperty("");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty podContainer = new SimpleStringProperty("");
    private final ObjectProperty<TargetRuntime> runtime = new SimpleObjectProperty<>(TargetRuntime.JVM);

    /**
     * The target the fields describe.
     *
     * @throws IllegalArgumentException with a message for the user when a field is missing or malformed
     */
    public CaptureTarget target() {
        return switch (kind.get()) {
            case LOCAL_JVM -> {
                if (jvm.get() == null) {
                    throw new IllegalArgumentException("choose a JVM from the list (Refresh lists them again)");
                }
                yield new CaptureTarget.LocalJvm(jvm.get().pid());
            }
            case NODE_INSPECTOR -> new CaptureTarget.NodeInspector(
                    InspectorEndpoint.parse(inspector.get() == null ? "" : inspector.get(), allowRemote.get()));
            case NODE_SIGNAL -> new CaptureTarget.NodeSignal(pid(signalPid.get()));
            case CONTAINER -> new CaptureTarget.InContainer(new ContainerTarget.EngineContainer(engine.get(),
                    required(container.get(), "the container name or id")), runtime.get());
            case KUBERNETES -> new CaptureTarget.InContainer(new ContainerTarget.KubernetesPod(
                    required(pod.get(), "the pod name"), optional(namespace.get()), optional(podContainer.get())),
                    runtime.get());
        };
    }

    /** The extension the dump will usually have, to suggest an output name. */
    public String usualExtension() {
        TargetKind current = kind.get();
        if (current == TargetKind.CONTAINER || current == TargetKind.KUBERNETES) {
            return runtime.get() == TargetRuntime.NODE ? ".heapsnapshot" : ".hprof";
        }
        return current.usualExtension();
    }

    private static long pid(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d{1,18}") || Long.parseLong(trimmed) <= 0) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a process id");
        }
        return Long.parseLong(trimmed);
    }

    private static String required(String text, String what) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("enter " + what);
        }
        return trimmed;
    }

    private static String optional(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<JvmProcess> jvmProperty() {
        return jvm;
    }

    public StringProperty inspectorProperty() {
        return inspector;
    }

    public BooleanProperty allowRemoteProperty() {
        return allowRemote;
    }

    public StringProperty signalPidProperty() {
        return signalPid;
    }

    /** {@code docker} or {@code podman}. */
    public StringProperty engineProperty() {
        return engine;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public StringProperty podProperty() {
        return pod;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty podContainerProperty() {
        return podContainer;
    }

    public ObjectProperty<TargetRuntime> runtimeProperty() {
        return runtime;
    }
}
