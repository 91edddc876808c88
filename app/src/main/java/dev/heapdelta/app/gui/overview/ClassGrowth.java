package dev.heapdelta.app.gui.overview;

/** A class's retained growth from the first to the last snapshot: one bar of the overview chart. */
public record ClassGrowth(String name, String key, long growthBytes, long lastBytes) {

    /** The name without its package, which is what fits on a chart axis. */
    public String shortName() {
        int dot = name.lastIndexOf('.', name.endsWith("[]") ? name.length() - 3 : name.length());
        return dot >= 0 && !name.startsWith("{") && !name.startsWith("(") ? name.substring(dot + 1) : name;
    }
}
