package dev.heapdelta.analyzer.diff;

/** How a figure moved across the snapshots of a series (DESIGN.md §5). */
public enum Trend {
    /** Up at every step. */
    GROWING("growing"),
    /** Grew, then stayed flat: a bounded cache warming up. Only with three or more snapshots. */
    PLATEAU("plateau"),
    SHRINKING("shrinking"),
    FLAT("flat");

    private final String jsonName;

    Trend(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
