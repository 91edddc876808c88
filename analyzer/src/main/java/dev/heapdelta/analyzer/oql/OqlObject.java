package dev.heapdelta.analyzer.oql;

/** A heap object as a query value: its dense index in the snapshot's graph. */
public record OqlObject(int index) {
}
