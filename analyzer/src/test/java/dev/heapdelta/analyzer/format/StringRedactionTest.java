package dev.heapdelta.analyzer.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StringRedactionTest {

    @Test
    void aRedactedStringShowsItsLengthAndAShortHashButNotItsContent() {
        String redacted = StringRedaction.redact("SECRET-TOKEN-1f2e3d");
        assertTrue(redacted.matches("‹string, 19 chars, #[0-9a-f]{6}›"), redacted);
        assertFalse(redacted.contains("SECRET"));
    }

    @Test
    void equalStringsGetEqualHashesAndDifferentOnesDifferentHashes() {
        assertEquals(StringRedaction.redact("alice@example.com"), StringRedaction.redact("alice@example.com"));
        assertNotEquals(StringRedaction.shortHash("alice@example.com"), StringRedaction.shortHash("bob@example.com"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertEquals("‹string, 1 char, #" + StringRedaction.shortHash("😀") + "›", StringRedaction.redact("😀"));
    }

    @Test
    void showKeepsTheStringOnlyWhenTheUserOptedIn() {
        assertEquals("token", StringRedaction.show("token", true));
        assertTrue(StringRedaction.show("token", false).startsWith("‹string, 5 chars"));
        assertNull(StringRedaction.redact(null));
    }
}
