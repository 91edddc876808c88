package dev.heapdelta.app.leaks.library;

import dev.heapdelta.samples.SelfHeapDump;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin host that redeploys its plugin {@link #PER_ROUND} times per round, each time through a new
 * {@link URLClassLoader} over this test's classes that defines the plugin's classes itself, and
 * registers each deploy's handler in a static list it never clears; it dumps itself after each of
 * {@link #ROUNDS} rounds ({@code plugins-t0.hprof} …).
 */
public final class PluginRedeploys {
    static final int ROUNDS = 3;
    static final int PER_ROUND = 5;
    static final List<Object> HANDLERS = new ArrayList<>();

    private PluginRedeploys() {
    }

    public static void main(String[] args) throws Exception {
        URL classes = PluginRedeploys.class.getProtectionDomain().getCodeSource().getLocation();
        int deploys = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < PER_ROUND; i++) {
                URLClassLoader loader = new URLClassLoader("plugin-" + deploys++, new URL[] {classes}, null);
                Class<?> handler = loader.loadClass("dev.heapdelta.app.leaks.plugin.MetricsHandler");
                loader.loadClass("dev.heapdelta.app.leaks.plugin.MetricsFormat").getField("NAME").get(null);
                HANDLERS.add(handler.getConstructor().newInstance());
            }
            SelfHeapDump.write(Path.of(args[0]).resolve("plugins-t" + round + ".hprof"), true);
        }
    }
}
