package dev.heapdelta.analyzer.codesites;

/** What a code site does to the container its holder field refers to; the order is the ranking order. */
public enum CodeSiteKind {
    INSERT("insert"),
    REGISTER("register"),
    REMOVE("remove");

    private final String jsonName;

    CodeSiteKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
