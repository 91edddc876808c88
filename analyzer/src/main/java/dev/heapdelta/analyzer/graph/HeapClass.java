package dev.heapdelta.analyzer.graph;

/**
 * One entry of the class table.
 *
 * @param name the display name: a fully qualified Java name ({@code java.util.HashMap$Node[]}) or
 *     a DevTools class name ({@code UserProfile}, {@code (closure)}, {@code {id, login}})
 * @param key what tells apart groups that share a name: for HPROF the name plus the class object's
 *     address when a name is loaded twice, for V8 DevTools' class key (name plus script location)
 * @param superClass the class index of the super class, or -1
 * @param classObject the object index of the class's own {@code java.lang.Class} object, or -1
 * @param instanceSize HPROF: the shallow size of one instance; V8: 0
 */
public record HeapClass(String name, String key, int superClass, int classObject, long instanceSize) {
    /**
     * The one class of the objects whose class name a truncated dump lost. Its objects cannot be told
     * apart, nor matched with another snapshot's, so it is never evidence of a leak.
     */
    public static final String NAME_LOST = "(class name lost)";
}
