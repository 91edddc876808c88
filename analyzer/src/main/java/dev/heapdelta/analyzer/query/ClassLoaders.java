package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;

/**
 * Which class loader defined a class of an HPROF dump, and the loader's own name: the one reading of
 * the class objects that the loader census, the duplicate-class and class-loader-leak views and the
 * package histogram share. V8 has no class loaders.
 */
public final class ClassLoaders {
    /** The boot loader, which is no object of the dump (also: a class without a class object). */
    public static final int BOOTSTRAP = -1;

    private static final int NAME_CHARS = 200;

    private ClassLoaders() {
    }

    /**
     * The loader object that defined class {@code classIndex}, or {@link #BOOTSTRAP}. A class object's
     * internal edges are its super class and its loader (HPROF CLASS DUMP); the loader is the one that
     * is not a class object.
     */
    public static int definingLoader(HeapGraph graph, int classIndex) {
        int classObject = graph.heapClass(classIndex).classObject();
        if (classObject < 0) {
            return BOOTSTRAP;
        }
        for (int e = graph.firstEdge(classObject); e < graph.endEdge(classObject); e++) {
            if (graph.edgeKind(e) == EdgeKind.CLASS_INTERNAL && graph.kindOf(graph.edgeTarget(e)) != ObjectKind.CLASS) {
                return graph.edgeTarget(e);
            }
        }
        return BOOTSTRAP;
    }

    /** The loader's own name ({@code ClassLoader.name}, as {@code new URLClassLoader("plugin-1", …)} sets it), or empty. */
    public static String nameOf(HeapGraph graph, int loader) {
        if (loader < 0) {
            return "";
        }
        for (var field : graph.details().fields(loader)) {
            if (field.name().equals("name") && field.target() >= 0) {
                String name = graph.details().stringValue(field.target(), NAME_CHARS);
                return name == null ? "" : name;
            }
        }
        return "";
    }
}
