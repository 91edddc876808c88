package dev.heapdelta.analyzer.leaks;

/** What a container holds; listener containers are reported as listener accumulation. */
public enum ContainerKind {
    MAP("map"),
    SET("set"),
    LIST("list"),
    QUEUE("queue"),
    ARRAY("array"),
    CACHE("cache"),
    DICTIONARY("object used as a dictionary"),
    LISTENERS("listeners"),
    PENDING("pending promises or waiters"),
    /** Node's timer list of one duration: the {@code Timeout}s that are still to fire. */
    TIMERS("timers waiting to fire");

    private final String description;

    ContainerKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** What one of its entries is called in a headline: {@code grew from 300 to 1,700 pending reactions}. */
    public String entryNoun() {
        return switch (this) {
            case LISTENERS -> "listeners";
            case PENDING -> "pending reactions";
            case TIMERS -> "timers";
            default -> "entries";
        };
    }

    public boolean isListeners() {
        return this == LISTENERS;
    }
}
