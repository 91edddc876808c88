package dev.heapdelta.app.capture;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Lists local JVMs with the Attach API; loaded only when the {@code jdk.attach} module is present. */
final class AttachApiJvms {
    private AttachApiJvms() {
    }

    static List<JvmProcess> list() {
        List<JvmProcess> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            try {
                jvms.add(new JvmProcess(Long.parseLong(descriptor.id()), descriptor.displayName()));
            } catch (NumberFormatException notAPid) {
                // Attach providers on other platforms may use other ids; those cannot be dumped by pid.
            }
        }
        return jvms;
    }
}
