package dev.heapdelta.app.capture;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Dumps a local JVM through public APIs only: attach, start its local management agent, and call
 * {@code HotSpotDiagnosticMXBean.dumpHeap} over JMX. {@code HotSpotVirtualMachine.executeJCmd}
 * would need {@code --add-exports} on the command line, which {@code java -jar} does not give.
 * Loaded only when the {@code jdk.attach} module is present.
 */
final class AttachApiHeapDump {
    private static final String DIAGNOSTIC_BEAN = "com.sun.management:type=HotSpotDiagnostic";

    private final CaptureListener listener;
    private final CancelSignal cancel;

    AttachApiHeapDump(CaptureListener listener, CancelSignal cancel) {
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(long pid, DumpDestination destination, CaptureOptions options) throws CaptureException {
        // dumpHeap insists on the .hprof suffix.
        Path written = destination.partial().resolveSibling(destination.partial().getFileName() + ".hprof");
        listener.commandStarted("Attach API: VirtualMachine.attach(\"" + pid + "\").startLocalManagementAgent()");
        VirtualMachine vm = attach(pid);
        try {
            String address = vm.startLocalManagementAgent();
            cancel.throwIfCancelled();
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                long used = usedHeap(server);
                long expected = DumpSizeEstimate.expectedBytes(used, false);
                LocalDiskSpace.requireRoomFor(destination.directory(), options.gzip()
                        ? expected + DumpSizeEstimate.expectedBytes(used, true) : expected, listener);
                Files.deleteIfExists(written);
                listener.commandStarted("JMX " + address + ": HotSpotDiagnosticMXBean.dumpHeap(\"" + written + "\", "
                        + options.liveOnly() + ")");
                FileGrowthWatcher watcher = FileGrowthWatcher.start(written, expected, listener);
                try {
                    server.invoke(new ObjectName(DIAGNOSTIC_BEAN), "dumpHeap",
                            new Object[] {written.toString(), options.liveOnly()},
                            new String[] {String.class.getName(), boolean.class.getName()});
                } finally {
                    watcher.close();
                }
            }
            Files.move(written, destination.partial(), StandardCopyOption.REPLACE_EXISTING);
            if (options.gzip()) {
                GzipFile.compressInPlace(destination.partial(), listener, cancel);
            }
            return destination.commit();
        } catch (IOException | JMException e) {
            throw new CaptureException("dumping JVM " + pid + " through the Attach API failed: " + e.getMessage(), e);
        } finally {
            detach(vm);
            deleteQuietly(written);
            destination.discard();
        }
    }

    private static VirtualMachine attach(long pid) throws CaptureException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new CaptureException("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a HotSpot JVM run by the same user?)", e);
        }
    }

    private long usedHeap(MBeanServerConnection server) {
        try {
            Object usage = server.getAttribute(new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage");
            return MemoryUsage.from((CompositeData) usage).getUsed();
        } catch (IOException | JMException | ClassCastException e) {
            listener.warning("could not read the used heap of the target: " + e.getMessage());
            return -1;
        }
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // The dump is done or has failed already; a failed detach changes neither.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a leftover partial file; the result is reported either way.
        }
    }
}
