package dev.heapdelta.analyzer.leaks;

/** The kinds of leak suspect, with the name the JSON uses (DESIGN.md §5). */
public enum SuspectKind {
    GROWING_COLLECTION("growing-collection"),
    LISTENER_ACCUMULATION("listener-accumulation"),
    GROWING_CLASS("growing-class"),
    ACCUMULATION_POINT("accumulation-point"),
    LARGE_RETAINER("large-retainer"),
    /** One snapshot: a collection among the largest, with its entry count (no trend to judge). */
    LARGE_COLLECTION("large-collection"),
    /** One snapshot: classes of one name defined by several class loaders. */
    DUPLICATE_CLASS("duplicate-class"),
    /** A series: classes defined by more and more class loaders, the live loaders growing with them. */
    CLASSLOADER_LEAK("classloader-leak");

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

    /** Suspects whose {@code elements} count a container's entries (the others count objects). */
    public boolean countsEntries() {
        return isCollection() || this == LARGE_COLLECTION;
    }
}
