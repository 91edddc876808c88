package dev.heapdelta.analyzer.oql;

/** A class as a query value where the dump has no class object for it (V8 constructors): its class index. */
public record OqlClass(int classIndex) {
}
