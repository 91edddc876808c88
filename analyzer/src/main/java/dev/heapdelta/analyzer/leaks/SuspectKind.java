package dev.heapdelta.analyzer.leaks;

/** The kinds of leak suspect, with the name the JSON uses (DESIGN.md §5). */
public enum SuspectKind {
    GROWING_COLLECTION("growing-collection"),
    LISTENER_ACCUMULATION("listener-accumulation"),
    GROWING_CLASS("growing-class"),
    ACCUMULATION_POINT("accumulation-point"),
    LARGE_RETAINER("large-retainer");

    private final String jsonName;

    SuspectKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Collection and listener suspects rank first. */
    public boolean isCollection() {
        return this == GROWING_COLLECTION || this == LISTENER_ACCUMULATION;
    }
}
