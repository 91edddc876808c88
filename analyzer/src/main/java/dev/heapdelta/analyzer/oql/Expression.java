package dev.heapdelta.analyzer.oql;

import java.util.List;

/** The expressions of the select list and the WHERE clause; each node keeps its position for errors. */
sealed interface Expression {
    int position();

    /** A number, string, character, boolean or null written in the query. */
    record Literal(Object value, int position) implements Expression {
    }

    /** A bare word: a FROM alias (of this query or an enclosing one), or else a field of the current object. */
    record Name(String name, int position) implements Expression {
    }

    /** {@code @objectId} and the other built-in attributes, of the current object when written alone. */
    record Attribute(Expression target, String name, int position) implements Expression {
    }

    /** {@code target.name}: a field of an object, a static field through a class object, or {@code .length}. */
    record Field(Expression target, String name, int position) implements Expression {
    }

    /** {@code target.name(arguments)}: the value methods ({@code size}, {@code contains}, …). */
    record MethodCall(Expression target, String name, List<Expression> arguments, int position)
            implements Expression {
    }

    /** {@code name(arguments)}: the built-in functions ({@code toString}, {@code dominators}, …). */
    record FunctionCall(String name, List<Expression> arguments, int position) implements Expression {
    }

    /** {@code target[index]}: an element of an array or of a list. */
    record Index(Expression target, Expression index, int position) implements Expression {
    }

    record Negation(Expression operand, int position) implements Expression {
    }

    record Binary(Operator operator, Expression left, Expression right, int position) implements Expression {
    }

    /** A nested query used as a value: its objects, its single column's values, or its value. */
    record Subquery(Query query, int position) implements Expression {
    }

    /** The binary operators, loosest-binding first in {@link OqlParser}. */
    enum Operator {
        OR("OR"), AND("AND"),
        EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
        LIKE("LIKE"), NOT_LIKE("NOT LIKE"), IN("IN"), NOT_IN("NOT IN"),
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), REMAINDER("%");

        final String written;

        Operator(String written) {
            this.written = written;
        }
    }
}
