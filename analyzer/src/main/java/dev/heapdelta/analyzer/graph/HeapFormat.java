package dev.heapdelta.analyzer.graph;

/** The dump formats HeapDelta reads; the JSON contract spells them {@link #jsonName()}. */
public enum HeapFormat {
    HPROF("hprof"),
    V8("v8");

    private final String jsonName;

    HeapFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
