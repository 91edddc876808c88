package dev.heapdelta.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathEdgeRedactionTest {

    @Test
    void fieldNamesIndexesAndSyntheticNamesStayReadable() {
        for (String edge : new String[] {"CACHE", "this$0", "elementData", "[]", "12", "#secret", "(Global handles)",
            "_events", ""}) {
            assertEquals(edge, PathEdgeRedaction.show(edge, false), edge);
        }
    }

    @Test
    void aDictionaryKeyThatIsNoNameIsRedacted() {
        String shown = PathEdgeRedaction.show("alice@example.com", false);
        assertTrue(shown.startsWith("‹string, 17 chars, #"), shown);
        assertTrue(PathEdgeRedaction.show("SECRET-TOKEN-9f", false).startsWith("‹string"));
        assertTrue(PathEdgeRedaction.show("/api/users/42", false).startsWith("‹string"));
    }

    @Test
    void everyEdgeIsShownWhenStringsAreIncluded() {
        assertEquals("alice@example.com", PathEdgeRedaction.show("alice@example.com", true));
    }
}
