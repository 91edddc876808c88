package dev.heapdelta.analyzer.oql;

/**
 * A condition on a query's result for CI, such as {@code count > 0}: OQL's operators and literals over the
 * one name {@code count}, the number of objects or rows.
 */
public final class OqlCondition {
    private final Expression expression;

    private OqlCondition(Expression expression) {
        this.expression = expression;
    }

    /** Parses a condition; throws {@link OqlException} with the position of what is not allowed. */
    public static OqlCondition parse(String text) {
        Expression expression = OqlParser.parseExpression(text);
        check(expression);
        return new OqlCondition(expression);
    }

    public boolean holds(OqlResult result) {
        ExpressionEvaluator evaluator = new ExpressionEvaluator(null, new ValueOperations(object -> ""), null);
        Scope scope = new Scope(null, "count", (long) result.count());
        return ValueOperations.isTrue(evaluator.evaluate(normalised(expression), scope));
    }

    /** {@code COUNT} reads as {@code count}: aliases are otherwise case-sensitive. */
    private static Expression normalised(Expression expression) {
        if (expression instanceof Expression.Binary binary) {
            return new Expression.Binary(binary.operator(), normalised(binary.left()), normalised(binary.right()),
                    binary.position());
        }
        if (expression instanceof Expression.Negation negation) {
            return new Expression.Negation(normalised(negation.operand()), negation.position());
        }
        if (expression instanceof Expression.Name name) {
            return new Expression.Name("count", name.position());
        }
        return expression;
    }

    private static void check(Expression expression) {
        if (expression instanceof Expression.Binary binary) {
            check(binary.left());
            check(binary.right());
        } else if (expression instanceof Expression.Negation negation) {
            check(negation.operand());
        } else if (expression instanceof Expression.Name name) {
            if (!name.name().equalsIgnoreCase("count")) {
                throw new OqlException("a condition can only name count, not '" + name.name() + "'",
                        name.position());
            }
        } else if (!(expression instanceof Expression.Literal)) {
            throw new OqlException("a condition is made of count, numbers and operators, such as count > 0",
                    expression.position());
        }
    }
}
