package dev.heapdelta.app.gui.inspector;

import dev.heapdelta.app.gui.session.ObjectRef;

/**
 * One field, array element or incoming reference as the inspector lists it.
 *
 * @param target the object the row refers to, or null for a primitive or a null reference
 * @param retainedBytes the target's retained size; -1 when there is no target
 */
public record FieldRow(String name, String type, String value, ObjectRef target, long retainedBytes) {
}
