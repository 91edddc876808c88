package dev.heapdelta.app.gui.classes;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the diff table's row predicate from the filter inputs; one predicate per change, not per row. */
final class ClassFilter {
    private ClassFilter() {
    }

    /** @throws PatternSyntaxException for a regex that does not compile */
    static Predicate<ClassDiffItem> of(FilterMode mode, String text, boolean onlyGrowing) {
        Predicate<ClassDiffItem> byText = byText(mode, text == null ? "" : text.strip());
        if (!onlyGrowing) {
            return byText;
        }
        return item -> item.grows() && byText.test(item);
    }

    private static Predicate<ClassDiffItem> byText(FilterMode mode, String text) {
        if (text.isEmpty()) {
            return item -> true;
        }
        switch (mode) {
            case REGEX: {
                Pattern pattern = Pattern.compile(text);
                return item -> pattern.matcher(item.name()).find();
            }
            case PACKAGE: {
                String prefix = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
                String subPackages = prefix + ".";
                return item -> item.packageName().equals(prefix) || item.packageName().startsWith(subPackages);
            }
            case NAME:
            default: {
                String lower = text.toLowerCase(Locale.ROOT);
                return item -> item.name().toLowerCase(Locale.ROOT).contains(lower);
            }
        }
    }
}
