package dev.heapdelta.app.gui.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class ClassFilterTest {
    private static ClassDiffItem item(String name, long firstCount, long lastCount) {
        return new ClassDiffItem(name, name, new long[] {firstCount, lastCount}, new long[] {0, 0},
                new long[] {0, 0}, new boolean[] {true, true}, "flat");
    }

    @Test
    void packageFilterMatchesThePackageAndItsSubPackagesOnly() {
        var filter = ClassFilter.of(FilterMode.PACKAGE, "java.util", false);
        assertTrue(filter.test(item("java.util.HashMap", 1, 1)));
        assertTrue(filter.test(item("java.util.concurrent.ConcurrentHashMap", 1, 1)));
        assertTrue(filter.test(item("java.util.HashMap$Node[]", 1, 1)));
        assertFalse(filter.test(item("java.utility.Thing", 1, 1)));
        assertFalse(filter.test(item("java.lang.String", 1, 1)));
    }

    @Test
    void nameFilterIgnoresCaseAndRegexFindsAnywhere() {
        assertTrue(ClassFilter.of(FilterMode.NAME, "hashmap", false).test(item("java.util.HashMap", 1, 1)));
        assertTrue(ClassFilter.of(FilterMode.REGEX, "Map\\$Node", false).test(item("java.util.HashMap$Node", 1, 1)));
        assertFalse(ClassFilter.of(FilterMode.REGEX, "^Map", false).test(item("java.util.HashMap", 1, 1)));
        assertThrows(PatternSyntaxException.class, () -> ClassFilter.of(FilterMode.REGEX, "([", false));
    }

    @Test
    void onlyGrowingKeepsClassesWhoseCountOrRetainedSizeGrew() {
        var filter = ClassFilter.of(FilterMode.NAME, "", true);
        assertTrue(filter.test(item("A", 1, 2)));
        assertFalse(filter.test(item("B", 2, 2)));
        assertFalse(filter.test(item("C", 3, 1)));
    }

    @Test
    void v8NamesHaveNoPackage() {
        assertEquals("", ClassDiffItem.packageOf("{id, login, plan}"));
        assertEquals("", ClassDiffItem.packageOf("(closure)"));
        assertEquals("java.util", ClassDiffItem.packageOf("java.util.HashMap$Node[]"));
    }
}
