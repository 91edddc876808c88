package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteKind;
import java.util.List;
import java.util.Locale;

/** The words that the CLI card, the app's card and the PDF use for a suspect's code sites. */
public final class CodeSiteWords {
    private CodeSiteWords() {
    }

    /** {@code Inserted at 2 sites, never removed}: the count of each kind is itself the diagnosis. */
    public static String tally(List<CodeSite> sites) {
        long fills = sites.stream().filter(s -> s.kind() != CodeSiteKind.REMOVE).count();
        long removals = sites.size() - fills;
        return String.format(Locale.ROOT, "Inserted at %d %s, %s", fills, fills == 1 ? "site" : "sites",
                removals == 0 ? "never removed" : "removed at " + removals);
    }

    /** {@code Filled at OrderCache.remember(OrderCache.java:41): Map.put}, without the source text. */
    public static String line(CodeSite site) {
        String verb = switch (site.kind()) {
            case INSERT -> "Filled at";
            case REGISTER -> "Registered at";
            case REMOVE -> "Removed at";
        };
        return verb + " " + site.frame() + ": " + site.call() + (site.indirect() ? " (through a getter, helper or lambda)" : "");
    }
}
