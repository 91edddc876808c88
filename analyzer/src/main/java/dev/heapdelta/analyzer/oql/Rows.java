package dev.heapdelta.analyzer.oql;

import java.util.List;

/**
 * What a FROM clause yields: objects as a plain index array (the common case, millions of rows without
 * a Java object each), or, when some rows are values rather than objects, a list of values.
 */
record Rows(int[] objects, List<Object> values) {

    int size() {
        return objects != null ? objects.length : values.size();
    }

    Object at(int i) {
        return objects != null ? new OqlObject(objects[i]) : values.get(i);
    }
}
