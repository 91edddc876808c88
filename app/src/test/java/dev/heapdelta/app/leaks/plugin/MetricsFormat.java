package dev.heapdelta.app.leaks.plugin;

/** The plugin's second class: a redeploy copies every class of the plugin, not one. */
public final class MetricsFormat {
    public static final String NAME = "metrics";
}
