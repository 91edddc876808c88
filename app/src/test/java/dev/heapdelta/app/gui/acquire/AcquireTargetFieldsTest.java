package dev.heapdelta.app.gui.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heapdelta.app.capture.CaptureTarget;
import dev.heapdelta.app.capture.ContainerTarget;
import dev.heapdelta.app.capture.InspectorEndpoint;
import dev.heapdelta.app.capture.TargetRuntime;
import org.junit.jupiter.api.Test;

/** The dialog's fields turn into the capture targets the CLI options would give. */
class AcquireTargetFieldsTest {
    @Test
    void kubernetesFieldsGiveAPodTargetWithBlankOptionsLeftOut() {
        TargetFields fields = new TargetFields();
        fields.kindProperty().set(TargetKind.KUBERNETES);
        fields.podProperty().set(" shop-api-7f9c ");
        fields.namespaceProperty().set("shop");
        fields.podContainerProperty().set("  ");
        fields.runtimeProperty().set(TargetRuntime.NODE);

        assertEquals(new CaptureTarget.InContainer(new ContainerTarget.KubernetesPod("shop-api-7f9c", "shop", null),
                TargetRuntime.NODE), fields.target());
        assertEquals(".heapsnapshot", fields.usualExtension());
    }

    @Test
    void containerAndInspectorFieldsGiveTheirTargets() {
        TargetFields fields = new TargetFields();
        fields.kindProperty().set(TargetKind.CONTAINER);
        fields.engineProperty().set("podman");
        fields.containerProperty().set("web-1");
        assertEquals(new CaptureTarget.InContainer(new ContainerTarget.EngineContainer("podman", "web-1"),
                TargetRuntime.JVM), fields.target());

        fields.kindProperty().set(TargetKind.NODE_INSPECTOR);
        fields.inspectorProperty().set("10.0.0.5:9230");
        fields.allowRemoteProperty().set(true);
        assertEquals(new CaptureTarget.NodeInspector(new InspectorEndpoint("10.0.0.5", 9230, true)), fields.target());
    }

    @Test
    void missingFieldsAreNamedInTheMessage() {
        TargetFields fields = new TargetFields();
        assertEquals("choose a JVM from the list (Refresh lists them again)",
                assertThrows(IllegalArgumentException.class, fields::target).getMessage());
        fields.kindProperty().set(TargetKind.CONTAINER);
        assertEquals("enter the container name or id",
                assertThrows(IllegalArgumentException.class, fields::target).getMessage());
        fields.kindProperty().set(TargetKind.NODE_SIGNAL);
        fields.signalPidProperty().set("0");
        assertThrows(IllegalArgumentException.class, fields::target);
    }
}
