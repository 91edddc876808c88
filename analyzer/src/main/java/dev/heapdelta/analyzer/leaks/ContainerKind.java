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
    PENDING("pending promises or waiters");

    private final String description;

    ContainerKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isListeners() {
        return this == LISTENERS;
    }
}
