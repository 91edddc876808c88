package dev.heapdelta.app.gui.classes;

/** How the diff table's filter text is read. */
public enum FilterMode {
    /** Class names containing the text, ignoring case. */
    NAME("Name contains"),
    /** Class names in which the regular expression finds a match. */
    REGEX("Regex"),
    /** Classes in the package or any sub-package ({@code java.util} matches {@code java.util.concurrent.…}). */
    PACKAGE("Package");

    private final String label;

    FilterMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
