package dev.heapdelta.analyzer.inspections.planted;

/** A class of its own package for the package histogram test: one int field. */
public final class Leaf {
    public int value;

    public Leaf(int value) {
        this.value = value;
    }
}
