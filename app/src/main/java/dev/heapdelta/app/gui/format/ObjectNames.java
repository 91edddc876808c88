package dev.heapdelta.app.gui.format;

/**
 * How an object is named everywhere in the app: {@code Session @ 0xfd6ca8c0} (V8: {@code JobPayload @201851}),
 * the simple class name first, so that rows of one list do not all start with the same package; a class
 * object is {@code class SessionStore}. The package is a separate part, shown after the name in grey.
 *
 * @param name the simple class name, or {@code class Simple} for a class object
 * @param at {@code " @ 0x…"} or {@code " @123"}
 * @param packageName the package, or empty (V8 names, the default package)
 * @param label what is left of the label once it no longer repeats the name, or empty
 */
public record ObjectNames(String name, String at, String packageName, String label) {
    private static final String CLASS_OBJECT = "java.lang.Class";

    public static ObjectNames of(String className, String id, String label) {
        String text = label == null ? "" : label;
        String at = id == null || id.isEmpty() ? "" : id.startsWith("@") ? " " + id : " @ " + id;
        if (CLASS_OBJECT.equals(className) && text.startsWith("class ")) {
            String described = text.substring("class ".length());
            return new ObjectNames("class " + simpleName(described), at, packageOf(described), "");
        }
        if (text.equals(className)) {
            text = "";
        }
        return new ObjectNames(simpleName(className), at, packageOf(className), text);
    }

    /** {@code Session @ 0x…} with the label after it: one line of plain text. */
    public String plain() {
        String head = name + at;
        return label.isEmpty() ? head : head + "  " + label;
    }

    /** The class part of a name without its package: {@code HashMap$Node[]}; V8 names stay whole. */
    public static String simpleName(String className) {
        String packageName = packageOf(className);
        return packageName.isEmpty() ? className : className.substring(packageName.length() + 1);
    }

    /** The package of a Java class name; empty for V8 names ({@code (closure)}, {@code {id, name}}) and the default package. */
    public static String packageOf(String className) {
        if (className == null || className.isEmpty() || className.startsWith("(") || className.startsWith("{")
                || className.contains(" ") || className.contains("/")) {
            return "";
        }
        String element = className.contains("[") ? className.substring(0, className.indexOf('[')) : className;
        int dot = element.lastIndexOf('.');
        return dot > 0 ? element.substring(0, dot) : "";
    }
}
