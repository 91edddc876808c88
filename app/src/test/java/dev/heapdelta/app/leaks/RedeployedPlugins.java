package dev.heapdelta.app.leaks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM that "redeploys" a plugin {@value #COPIES} times: each deploy is a new
 * {@link URLClassLoader} over this test's classes, which loads the plugin's two classes itself
 * (no parent delegation for them), and a registry that is never cleared keeps every loader alive.
 * Then it dumps its own heap to {@code plugins.hprof} in the directory it is given.
 */
public final class RedeployedPlugins {
    static final int COPIES = 12;
    static final String DUMP = "plugins.hprof";
    static final List<Object> REGISTRY = new ArrayList<>();

    private RedeployedPlugins() {
    }

    public static void main(String[] args) throws Exception {
        URL classes = RedeployedPlugins.class.getProtectionDomain().getCodeSource().getLocation();
        for (int i = 0; i < COPIES; i++) {
            URLClassLoader loader = new URLClassLoader("plugin-" + i, new URL[] {classes}, null);
            Class<?> handler = loader.loadClass("dev.heapdelta.app.leaks.plugin.MetricsHandler");
            loader.loadClass("dev.heapdelta.app.leaks.plugin.MetricsFormat").getField("NAME").get(null);
            // The instance keeps its class, and so its loader, alive: the leak a redeploy leaves behind.
            REGISTRY.add(handler.getConstructor().newInstance());
        }
        String dump = Path.of(args[0]).resolve(DUMP).toString();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
    }
}
