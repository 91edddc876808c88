package dev.heapdelta.analyzer.oql;

import java.util.List;
import java.util.Locale;

/** The built-in {@code @attributes}, spelled as MAT spells them, recognised in any letter case. */
final class OqlAttributes {
    static final List<String> NAMES = List.of("objectId", "objectAddress", "class", "clazz", "usedHeapSize",
            "retainedHeapSize", "length", "GCRootInfo", "valueArray", "referenceArray", "displayName", "name");
    static final String NAMES_WRITTEN = "@" + String.join(", @", NAMES);

    private OqlAttributes() {
    }

    /** The canonical spelling of an attribute name, or null when there is no such attribute. */
    static String canonicalName(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        for (String name : NAMES) {
            if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                return name;
            }
        }
        return null;
    }
}
