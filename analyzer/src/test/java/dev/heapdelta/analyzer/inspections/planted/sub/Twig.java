package dev.heapdelta.analyzer.inspections.planted.sub;

/** A class of a sub-package for the package histogram test: one long field. */
public final class Twig {
    public long value;

    public Twig(long value) {
        this.value = value;
    }
}
