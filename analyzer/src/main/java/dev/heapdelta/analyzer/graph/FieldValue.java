package dev.heapdelta.analyzer.graph;

/**
 * One field of an object as an inspector shows it: a reference to another object, or a primitive.
 *
 * @param name the field or property name, or {@code [i]} for an array element
 * @param type the Java primitive type name ({@code int}, {@code boolean}, …), {@code object}, or
 *     for V8 the edge type
 * @param target the object index a reference points to; -1 for null, for a dangling reference, and
 *     for primitives
 * @param bits a primitive's raw value: integral types sign-extended, floats as their IEEE bits
 * @param text a preview of a primitive or of what a V8 edge names; may be empty
 */
public record FieldValue(String name, String type, int target, long bits, String text) {

    public static FieldValue reference(String name, String type, int target) {
        return new FieldValue(name, type, target, 0, "");
    }

    public static FieldValue primitive(String name, String type, long bits, String text) {
        return new FieldValue(name, type, -1, bits, text);
    }

    public boolean isReference() {
        return "object".equals(type) || target >= 0;
    }

    public int asInt() {
        return (int) bits;
    }

    public long asLong() {
        return bits;
    }
}
