package dev.heapdelta.app.leaks.plugin;

/** A plugin class that {@link dev.heapdelta.app.leaks.RedeployedPlugins} loads once per redeploy. */
public final class MetricsHandler {
    /** Per-copy state, as a real plugin keeps: each copy's statics live as long as its loader. */
    public static final long[] COUNTERS = new long[64];
}
