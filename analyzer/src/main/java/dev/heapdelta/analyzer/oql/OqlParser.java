package dev.heapdelta.analyzer.oql;

import dev.heapdelta.analyzer.oql.Expression.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for MAT's OQL dialect. Keywords are not reserved (MAT accepts
 * {@code FROM something.as.Object}), so the grammar decides by position what a word means.
 */
public final class OqlParser {
    static final Set<String> FUNCTIONS = Set.of("tostring", "tohex", "dominators", "dominatorof", "outbounds",
            "inbounds", "classof");
    static final Set<String> METHODS = Set.of("size", "length", "tostring", "contains", "startswith", "endswith",
            "indexof", "get", "isempty");
    private static final String SNAPSHOT_REFUSED = "MAT's ${snapshot} API calls are not supported by HeapDelta; "
            + "name classes, patterns or object ids in the FROM clause instead";

    private final List<Token> tokens;
    private final String text;
    private int next;

    private OqlParser(String text) {
        this.text = text;
        this.tokens = OqlLexer.tokens(text);
    }

    /** Parses a whole query; throws {@link OqlException} naming the position of the first error. */
    public static Query parse(String text) {
        OqlParser parser = new OqlParser(text);
        Query query = parser.query();
        parser.expectEnd();
        return query;
    }

    /** Parses a lone expression, such as a {@code --fail-if} condition. */
    static Expression parseExpression(String text) {
        OqlParser parser = new OqlParser(text);
        Expression expression = parser.expression();
        parser.expectEnd();
        return expression;
    }

    private Query query() {
        int start = peek().position();
        List<Query.Select> parts = new ArrayList<>();
        parts.add(select());
        while (peek().isWord("union")) {
            next++;
            expectSymbol("(", "after UNION (MAT writes: ... UNION (SELECT ...))");
            Query inner = query();
            expectSymbol(")", "to close the UNION's query");
            parts.addAll(inner.parts());
        }
        int end = peek().position() - 1;
        return new Query(List.copyOf(parts), text.substring(Math.max(0, start - 1), Math.min(text.length(), end)).trim());
    }

    private Query.Select select() {
        Token selectWord = peek();
        if (!selectWord.isWord("select")) {
            throw error("expected SELECT", selectWord);
        }
        next++;
        boolean distinct = false;
        boolean objects = false;
        boolean retained = false;
        while (true) {
            if (peek().isWord("distinct")) {
                distinct = true;
                next++;
            } else if (peek().isWord("objects")) {
                objects = true;
                next++;
            } else if (peek().isWord("as") && peek(1).isWord("retained")) {
                next += 2;
                if (!peek().isWord("set")) {
                    throw error("expected SET after AS RETAINED", peek());
                }
                next++;
                retained = true;
            } else {
                break;
            }
        }
        List<Query.Item> items = new ArrayList<>();
        if (peek().isSymbol("*")) {
            next++;
        } else {
            do {
                if (!items.isEmpty()) {
                    next++;
                }
                items.add(item());
            } while (peek().isSymbol(","));
        }
        if (!peek().isWord("from")) {
            throw error("expected FROM or ',' after the select list", peek());
        }
        next++;
        Query.From from = from();
        Expression where = null;
        if (peek().isWord("where")) {
            next++;
            where = expression();
        }
        return new Query.Select(distinct, objects, retained, List.copyOf(items), from, where, selectWord.position());
    }

    private Query.Item item() {
        int start = peek().position();
        Expression expression = expression();
        int end = peek().position();
        String heading = text.substring(start - 1, Math.min(text.length(), end - 1)).trim();
        if (peek().isWord("as")) {
            next++;
            Token alias = peek();
            if (alias.type() != Token.Type.WORD && alias.type() != Token.Type.STRING) {
                throw error("expected a column name after AS", alias);
            }
            next++;
            heading = alias.text();
        }
        return new Query.Item(expression, heading);
    }

    private Query.From from() {
        int position = peek().position();
        boolean objects = false;
        boolean instanceOf = false;
        while (peek().isWord("objects") || peek().isWord("instanceof")) {
            if (peek().isWord("objects")) {
                objects = true;
            } else {
                instanceOf = true;
            }
            next++;
        }
        List<Query.Source> sources = new ArrayList<>();
        sources.add(source());
        while (peek().isSymbol(",")) {
            next++;
            sources.add(source());
        }
        String alias = null;
        Token after = peek();
        if (after.type() == Token.Type.WORD && !after.isWord("where") && !after.isWord("union")) {
            alias = after.text();
            next++;
        }
        return new Query.From(objects, instanceOf, List.copyOf(sources), alias, position);
    }

    private Query.Source source() {
        Token token = peek();
        switch (token.type()) {
            case HEX -> {
                next++;
                return new Query.ObjectNumber(parseHex(token), true, token.position());
            }
            case INTEGER, LONG -> {
                next++;
                return new Query.ObjectNumber(parseInteger(token), false, token.position());
            }
            case STRING -> {
                next++;
                return new Query.ClassPattern(token.text(), token.position());
            }
            case SNAPSHOT_CALL -> throw error(SNAPSHOT_REFUSED, token);
            case WORD -> {
                return new Query.ClassName(className(), token.position());
            }
            default -> {
                if (token.isSymbol("(")) {
                    next++;
                    Expression nested = peek().isWord("select") ? new Expression.Subquery(query(), token.position())
                            : expression();
                    expectSymbol(")", "to close the parenthesis opened at position " + token.position());
                    return new Query.Nested(nested, token.position());
                }
                throw error("expected a class name, a \"pattern\", an object id or a (query) after FROM", token);
            }
        }
    }

    private String className() {
        StringBuilder name = new StringBuilder(peek().text());
        next++;
        while (peek().isSymbol(".") && peek(1).type() == Token.Type.WORD) {
            name.append('.').append(peek(1).text());
            next += 2;
        }
        while (peek().isSymbol("[") && peek(1).isSymbol("]")) {
            name.append("[]");
            next += 2;
        }
        return name.toString();
    }

    Expression expression() {
        return or();
    }

    private Expression or() {
        Expression left = and();
        while (peek().isWord("or")) {
            Token operator = tokens.get(next++);
            left = new Expression.Binary(Operator.OR, left, and(), operator.position());
        }
        return left;
    }

    private Expression and() {
        Expression left = comparison();
        while (peek().isWord("and")) {
            Token operator = tokens.get(next++);
            left = new Expression.Binary(Operator.AND, left, comparison(), operator.position());
        }
        return left;
    }

    private Expression comparison() {
        Expression left = additive();
        Token token = peek();
        Operator operator = null;
        if (token.type() == Token.Type.SYMBOL) {
            operator = switch (token.text()) {
                case "=" -> Operator.EQUAL;
                case "!=" -> Operator.NOT_EQUAL;
                case "<" -> Operator.LESS;
                case "<=" -> Operator.LESS_OR_EQUAL;
                case ">" -> Operator.GREATER;
                case ">=" -> Operator.GREATER_OR_EQUAL;
                default -> null;
            };
            if (operator != null) {
                next++;
            }
        } else if (token.isWord("like")) {
            operator = Operator.LIKE;
            next++;
        } else if (token.isWord("in")) {
            operator = Operator.IN;
            next++;
        } else if (token.isWord("not") && (peek(1).isWord("like") || peek(1).isWord("in"))) {
            operator = peek(1).isWord("like") ? Operator.NOT_LIKE : Operator.NOT_IN;
            next += 2;
        } else if (token.isWord("implements") || token.isWord("instanceof")) {
            throw error("'" + token.text() + "' compares MAT's own Java classes and is not supported; "
                    + "use FROM INSTANCEOF instead", token);
        }
        if (operator == null) {
            return left;
        }
        return new Expression.Binary(operator, left, additive(), token.position());
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token operator = tokens.get(next++);
            left = new Expression.Binary(operator.text().equals("+") ? Operator.PLUS : Operator.MINUS, left,
                    multiplicative(), operator.position());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            Token operator = tokens.get(next++);
            Operator kind = switch (operator.text()) {
                case "*" -> Operator.TIMES;
                case "/" -> Operator.DIVIDE;
                default -> Operator.REMAINDER;
            };
            left = new Expression.Binary(kind, left, unary(), operator.position());
        }
        return left;
    }

    private Expression unary() {
        if (peek().isSymbol("-")) {
            Token minus = tokens.get(next++);
            return new Expression.Negation(unary(), minus.position());
        }
        if (peek().isSymbol("+")) {
            next++;
            return unary();
        }
        return postfix(primary());
    }

    private Expression postfix(Expression target) {
        Expression result = target;
        while (true) {
            Token token = peek();
            if (token.isSymbol(".")) {
                Token member = peek(1);
                if (member.type() == Token.Type.ATTRIBUTE) {
                    next += 2;
                    result = new Expression.Attribute(result, attributeName(member), member.position());
                } else if (member.type() == Token.Type.WORD) {
                    next += 2;
                    if (peek().isSymbol("(")) {
                        String method = member.lowerText();
                        if (!METHODS.contains(method)) {
                            throw error("unknown method '" + member.text() + "()'; HeapDelta knows "
                                    + "size(), length, toString(), contains(), startsWith(), endsWith(), "
                                    + "indexOf(), get() and isEmpty()", member);
                        }
                        result = new Expression.MethodCall(result, method, arguments(), member.position());
                    } else {
                        result = new Expression.Field(result, member.text(), member.position());
                    }
                } else {
                    throw error("expected a field, an @attribute or a method after '.'", member);
                }
            } else if (token.isSymbol("[")) {
                next++;
                Expression index = expression();
                if (peek().isSymbol(":")) {
                    throw error("array ranges ([from:to]) are not supported; index one element with [i]", peek());
                }
                expectSymbol("]", "to close the index opened at position " + token.position());
                result = new Expression.Index(result, index, token.position());
            } else {
                return result;
            }
        }
    }

    private Expression primary() {
        Token token = peek();
        switch (token.type()) {
            case INTEGER -> {
                next++;
                long value = parseInteger(token);
                return new Expression.Literal(value, token.position());
            }
            case LONG -> {
                next++;
                return new Expression.Literal(parseInteger(token), token.position());
            }
            case HEX -> {
                next++;
                return new Expression.Literal(parseHex(token), token.position());
            }
            case DOUBLE -> {
                next++;
                return new Expression.Literal(Double.parseDouble(token.text()), token.position());
            }
            case STRING -> {
                next++;
                return new Expression.Literal(token.text(), token.position());
            }
            case CHARACTER -> {
                next++;
                return new Expression.Literal(token.text().charAt(0), token.position());
            }
            case ATTRIBUTE -> {
                next++;
                return new Expression.Attribute(null, attributeName(token), token.position());
            }
            case SNAPSHOT_CALL -> throw error(SNAPSHOT_REFUSED, token);
            case WORD -> {
                return word(token);
            }
            default -> {
                if (token.isSymbol("(")) {
                    next++;
                    Expression inner = peek().isWord("select") ? new Expression.Subquery(query(), token.position())
                            : expression();
                    expectSymbol(")", "to close the parenthesis opened at position " + token.position());
                    return inner;
                }
                throw error("expected an expression", token);
            }
        }
    }

    private Expression word(Token token) {
        String lower = token.lowerText();
        next++;
        switch (lower) {
            case "true" -> {
                return new Expression.Literal(Boolean.TRUE, token.position());
            }
            case "false" -> {
                return new Expression.Literal(Boolean.FALSE, token.position());
            }
            case "null" -> {
                return new Expression.Literal(null, token.position());
            }
            case "from", "where", "union", "select" -> throw error("expected an expression", token);
            default -> {
            }
        }
        if (peek().isSymbol("(")) {
            if (lower.equals("eval")) {
                throw error("MAT's eval() is not supported; write the expression itself", token);
            }
            if (!FUNCTIONS.contains(lower)) {
                throw error("unknown function '" + token.text() + "()'; HeapDelta knows toString, toHex, dominators, "
                        + "dominatorof, outbounds, inbounds and classof", token);
            }
            return new Expression.FunctionCall(lower, arguments(), token.position());
        }
        return new Expression.Name(token.text(), token.position());
    }

    private List<Expression> arguments() {
        Token open = peek();
        expectSymbol("(", "");
        List<Expression> arguments = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            arguments.add(expression());
            while (peek().isSymbol(",")) {
                next++;
                arguments.add(expression());
            }
        }
        expectSymbol(")", "to close the argument list opened at position " + open.position());
        return List.copyOf(arguments);
    }

    private String attributeName(Token token) {
        String name = OqlAttributes.canonicalName(token.text());
        if (name == null) {
            throw error("unknown attribute '@" + token.text() + "'; HeapDelta knows " + OqlAttributes.NAMES_WRITTEN,
                    token);
        }
        return name;
    }

    private long parseInteger(Token token) {
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException e) {
            throw error("number out of range: " + token.text(), token);
        }
    }

    private long parseHex(Token token) {
        try {
            return Long.parseUnsignedLong(token.text(), 16);
        } catch (NumberFormatException e) {
            throw error("hexadecimal number out of range: 0x" + token.text(), token);
        }
    }

    private void expectSymbol(String symbol, String why) {
        Token token = peek();
        if (!token.isSymbol(symbol)) {
            throw error("expected '" + symbol + "'" + (why.isEmpty() ? "" : " " + why), token);
        }
        next++;
    }

    private void expectEnd() {
        Token token = peek();
        if (token.type() != Token.Type.END) {
            throw error("unexpected " + token.describe() + " after the end of the query", token);
        }
    }

    private Token peek() {
        return tokens.get(Math.min(next, tokens.size() - 1));
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private static OqlException error(String message, Token token) {
        String found = token.type() == Token.Type.END ? "the end of the query" : token.describe();
        boolean saysFound = message.startsWith("expected");
        return new OqlException(saysFound ? message + ", found " + found : message, token.position());
    }

}
