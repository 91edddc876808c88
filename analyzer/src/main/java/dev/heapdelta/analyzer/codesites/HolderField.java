package dev.heapdelta.analyzer.codesites;

/**
 * A field on a suspect's path to its GC root that holds the leaking container, directly or further up.
 *
 * @param declaringClass the binary name with dots ({@code com.shop.OrderCache$Entries}) of the class the
 *     field was read from in the heap: for an instance field the object's class, which may be a subclass
 *     of the one that declares it
 * @param fieldName the field's name
 * @param isStatic whether it is a static field (read from a class object)
 */
public record HolderField(String declaringClass, String fieldName, boolean isStatic) {

    String internalClassName() {
        return declaringClass.replace('.', '/');
    }

    @Override
    public String toString() {
        return (isStatic ? "static " : "") + declaringClass + "." + fieldName;
    }
}
