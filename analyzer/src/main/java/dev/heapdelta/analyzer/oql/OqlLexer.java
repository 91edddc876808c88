package dev.heapdelta.analyzer.oql;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into {@link Token}s; positions are 1-based character offsets for error messages. */
final class OqlLexer {
    private static final String TWO_CHARACTER_SYMBOLS = "!=<=>=<>";
    private static final String SYMBOLS = "()[],.*+-/%=<>:";

    private final String text;
    private int next;

    private OqlLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new OqlLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (next >= text.length()) {
                tokens.add(new Token(Token.Type.END, "", text.length() + 1));
                return tokens;
            }
            tokens.add(token());
        }
    }

    private void skipSpace() {
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
    }

    private Token token() {
        int start = next;
        char c = text.charAt(next);
        if (c == '$' && next + 1 < text.length() && text.charAt(next + 1) == '{') {
            int close = text.indexOf('}', next);
            next = close < 0 ? text.length() : close + 1;
            return new Token(Token.Type.SNAPSHOT_CALL, text.substring(start, next), start + 1);
        }
        if (isWordStart(c)) {
            while (next < text.length() && isWordPart(text.charAt(next))) {
                next++;
            }
            return new Token(Token.Type.WORD, text.substring(start, next), start + 1);
        }
        if (c == '@') {
            next++;
            while (next < text.length() && isWordPart(text.charAt(next))) {
                next++;
            }
            if (next == start + 1) {
                throw new OqlException("'@' must be followed by an attribute name such as @objectId", start + 1);
            }
            return new Token(Token.Type.ATTRIBUTE, text.substring(start + 1, next), start + 1);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '"') {
            return quoted(start, '"', Token.Type.STRING);
        }
        if (c == '\'') {
            Token character = quoted(start, '\'', Token.Type.CHARACTER);
            if (character.text().length() != 1) {
                return new Token(Token.Type.STRING, character.text(), character.position());
            }
            return character;
        }
        if (next + 1 < text.length()) {
            String two = text.substring(next, next + 2);
            int at = TWO_CHARACTER_SYMBOLS.indexOf(two);
            if (at >= 0 && at % 2 == 0) {
                next += 2;
                return new Token(Token.Type.SYMBOL, two.equals("<>") ? "!=" : two, start + 1);
            }
        }
        if (SYMBOLS.indexOf(c) >= 0) {
            next++;
            return new Token(Token.Type.SYMBOL, String.valueOf(c), start + 1);
        }
        throw new OqlException("unexpected character '" + c + "'", start + 1);
    }

    private Token number(int start) {
        if (text.startsWith("0x", next) || text.startsWith("0X", next)) {
            next += 2;
            while (next < text.length() && Character.digit(text.charAt(next), 16) >= 0) {
                next++;
            }
            if (next == start + 2) {
                throw new OqlException("'0x' must be followed by hexadecimal digits", start + 1);
            }
            return new Token(Token.Type.HEX, text.substring(start + 2, next), start + 1);
        }
        boolean fraction = false;
        while (next < text.length()) {
            char c = text.charAt(next);
            if (Character.isDigit(c)) {
                next++;
            } else if (c == '.' && !fraction && next + 1 < text.length() && Character.isDigit(text.charAt(next + 1))) {
                fraction = true;
                next++;
            } else if ((c == 'e' || c == 'E') && exponentFollows()) {
                fraction = true;
                next += text.charAt(next + 1) == '-' || text.charAt(next + 1) == '+' ? 2 : 1;
            } else {
                break;
            }
        }
        String digits = text.substring(start, next);
        if (next < text.length() && (text.charAt(next) == 'L' || text.charAt(next) == 'l') && !fraction) {
            next++;
            return new Token(Token.Type.LONG, digits, start + 1);
        }
        if (next < text.length() && "dDfF".indexOf(text.charAt(next)) >= 0) {
            next++;
            return new Token(Token.Type.DOUBLE, digits, start + 1);
        }
        if (next < text.length() && isWordPart(text.charAt(next))) {
            throw new OqlException("malformed number '" + digits + text.charAt(next) + "'", start + 1);
        }
        return new Token(fraction ? Token.Type.DOUBLE : Token.Type.INTEGER, digits, start + 1);
    }

    private boolean exponentFollows() {
        int at = next + 1;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        return at < text.length() && Character.isDigit(text.charAt(at));
    }

    private Token quoted(int start, char quote, Token.Type type) {
        StringBuilder value = new StringBuilder();
        next++;
        while (next < text.length()) {
            char c = text.charAt(next++);
            if (c == quote) {
                return new Token(type, value.toString(), start + 1);
            }
            if (c == '\\' && next < text.length()) {
                char escaped = text.charAt(next++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case '"', '\'' -> value.append(escaped);
                    // Regular expressions keep their own escapes: "java\.lang\..*" means what it says.
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        throw new OqlException("unterminated " + (quote == '"' ? "string" : "character") + " literal", start + 1);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
