package dev.heapdelta.analyzer.graph;

import java.util.List;

/**
 * What a format knows about objects beyond the graph's arrays, resolved lazily: edge names, labels,
 * and field values. HPROF reads these back from the file; V8 from its string table.
 */
public interface ObjectDetails extends AutoCloseable {

    /** The name of an edge: a field or property name, {@code [i]} for an index, a context variable. */
    String edgeName(int edgeIndex);

    /**
     * The names of all of an object's edges, as {@link #edgeName} gives them one by one, indexed from
     * {@code firstEdge(object)}. Performance: HPROF reads the object's record once, not once per edge.
     */
    default String[] edgeNamesOf(HeapGraph graph, int object) {
        int first = graph.firstEdge(object);
        String[] names = new String[graph.endEdge(object) - first];
        for (int e = 0; e < names.length; e++) {
            names[e] = edgeName(first + e);
        }
        return names;
    }

    /** A short human label: {@code class HeapGen} for a class object, a string's start; may be empty. */
    String label(int object);

    /** Every field of an object, primitives included, in declaration order. */
    List<FieldValue> fields(int object);

    /**
     * How many elements an array has, as {@code fields(object).size()} would say, without building
     * that list; the formats answer from the record header or the edge count.
     */
    default long arrayLength(int object) {
        return fields(object).size();
    }

    /**
     * The value of a {@code java.lang.String} or V8 string (HPROF: also of a bare {@code char[]}, as JDK 5 to 8u05
     * keep {@code Thread.name}), or null when the object is not a string.
     */
    String stringValue(int object, int maxChars);

    /**
     * The path-key anchor this edge is, beyond HPROF static fields, which the query layer names
     * itself: V8 writes {@code global › name} or {@code Module(script.js) › name}. Null when the
     * edge is no anchor.
     */
    default String anchorName(int edgeIndex) {
        return null;
    }

    /** Where a V8 object was created ({@code script.js:14:3}), or null where the dump does not say. */
    default String locationOf(int object) {
        return null;
    }

    /**
     * The npm package whose code created a V8 object ({@code lru-memoizer} for a closure defined in
     * {@code node_modules/lru-memoizer/lib/async.js}), or null: not in a package, or not V8.
     */
    default String npmPackageOf(int object) {
        return null;
    }

    /** The dump's threads and their stacks; {@link ThreadStacks#NONE} where the format records none (V8). */
    default ThreadStacks threadStacks() {
        return ThreadStacks.NONE;
    }

    /**
     * A primitive array's elements as the dump stores them (HPROF: big-endian, {@code elementSize} bytes
     * each), or null when the object is no primitive array or the format keeps no contents (V8).
     * Performance: one read of the array's record.
     */
    default byte[] primitiveArrayBytes(int object) {
        return null;
    }

    @Override
    default void close() {
    }
}
