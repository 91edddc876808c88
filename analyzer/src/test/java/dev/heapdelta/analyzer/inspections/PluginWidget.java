package dev.heapdelta.analyzer.inspections;

/** A class that {@link InspectionsProgram} defines once on the class path and once in each of its URLClassLoaders. */
public final class PluginWidget {
    public final int id;

    public PluginWidget(int id) {
        this.id = id;
    }
}
