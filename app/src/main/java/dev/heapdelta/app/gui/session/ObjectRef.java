package dev.heapdelta.app.gui.session;

/** One object of one snapshot of the open comparison: the snapshot's position and the object's index. */
public record ObjectRef(int snapshot, int object) {
}
