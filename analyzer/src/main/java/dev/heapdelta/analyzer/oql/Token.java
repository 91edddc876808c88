package dev.heapdelta.analyzer.oql;

import java.util.Locale;

/**
 * One lexical token of a query.
 *
 * @param type what kind of token
 * @param text the token as written (a string literal without its quotes and escapes resolved)
 * @param position the 1-based character where it starts
 */
record Token(Type type, String text, int position) {

    enum Type {
        /** A word: a keyword, an alias, a field or a part of a class name; keywords are not reserved. */
        WORD,
        /** {@code @objectId}, text without the {@code @}. */
        ATTRIBUTE,
        INTEGER,
        /** An integer written with an {@code L} suffix. */
        LONG,
        HEX,
        DOUBLE,
        STRING,
        CHARACTER,
        SYMBOL,
        /** MAT's {@code ${snapshot}} and {@code ${name}}: recognised only to be refused. */
        SNAPSHOT_CALL,
        END
    }

    boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    String describe() {
        return switch (type) {
            case END -> "the end of the query";
            case STRING -> "\"" + text + "\"";
            case WORD -> "'" + text + "'";
            case ATTRIBUTE -> "'@" + text + "'";
            default -> "'" + text + "'";
        };
    }

    String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }
}
