package dev.heapdelta.analyzer.oql;

import dev.heapdelta.analyzer.oql.Expression.Operator;
import java.util.ArrayList;
import java.util.List;

/** Evaluates one {@link Expression} against a row: MAT's semantics for names, fields, functions and operators. */
final class ExpressionEvaluator {
    private final ObjectAccess access;
    private final ValueOperations operations;
    private final OqlEngine engine;

    ExpressionEvaluator(ObjectAccess access, ValueOperations operations, OqlEngine engine) {
        this.access = access;
        this.operations = operations;
        this.engine = engine;
    }

    Object evaluate(Expression expression, Scope scope) {
        if (expression instanceof Expression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof Expression.Name name) {
            return name(name, scope);
        }
        if (expression instanceof Expression.Attribute attribute) {
            Object target = attribute.target() == null ? current(scope) : evaluate(attribute.target(), scope);
            return access.attribute(target, attribute.name(), attribute.position());
        }
        if (expression instanceof Expression.Field field) {
            return field(evaluate(field.target(), scope), field.name(), field.position());
        }
        if (expression instanceof Expression.MethodCall call) {
            return method(call, scope);
        }
        if (expression instanceof Expression.FunctionCall call) {
            return function(call, scope);
        }
        if (expression instanceof Expression.Index index) {
            return index(evaluate(index.target(), scope), evaluate(index.index(), scope), index.position());
        }
        if (expression instanceof Expression.Negation negation) {
            return operations.negate(evaluate(negation.operand(), scope), negation.position());
        }
        if (expression instanceof Expression.Binary binary) {
            return binary(binary, scope);
        }
        Expression.Subquery subquery = (Expression.Subquery) expression;
        return engine.valueOf(engine.run(subquery.query(), scope));
    }

    private static Object current(Scope scope) {
        return scope == null ? null : scope.current();
    }

    /** An alias of this query or an enclosing one; else MAT reads a field of the current row. */
    private Object name(Expression.Name name, Scope scope) {
        Scope named = scope == null ? null : scope.find(name.name());
        if (named != null) {
            return named.current();
        }
        return field(current(scope), name.name(), name.position());
    }

    private Object field(Object target, String name, int position) {
        if (target == null) {
            return null;
        }
        if (target instanceof OqlObject ref) {
            return access.field(ref.index(), name);
        }
        if (name.equals("length")) {
            return size(target, position);
        }
        if (target instanceof OqlClass) {
            return null;
        }
        throw new OqlException("cannot read field '" + name + "' of " + ValueOperations.describe(target), position);
    }

    private Object size(Object target, int position) {
        if (target instanceof List<?> list) {
            return (long) list.size();
        }
        if (target instanceof String text) {
            return (long) text.length();
        }
        if (target instanceof OqlObject ref && access.isArray(ref.index())) {
            return access.length(ref.index());
        }
        throw new OqlException("size() and length need a list, a string or an array, not "
                + ValueOperations.describe(target), position);
    }

    private Object method(Expression.MethodCall call, Scope scope) {
        Object target = evaluate(call.target(), scope);
        List<Object> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(evaluate(argument, scope));
        }
        if (target == null) {
            return null;
        }
        int position = call.position();
        return switch (call.name()) {
            case "size", "length" -> {
                expectArguments(call, 0);
                yield size(target, position);
            }
            case "isempty" -> {
                expectArguments(call, 0);
                Object size = size(target, position);
                yield size instanceof Long n && n == 0;
            }
            case "tostring" -> {
                expectArguments(call, 0);
                yield operations.text(target);
            }
            case "contains" -> {
                expectArguments(call, 1);
                yield operations.contains(target instanceof OqlObject ? operations.text(target) : target,
                        arguments.get(0), position);
            }
            case "startswith" -> {
                expectArguments(call, 1);
                yield operations.text(target).startsWith(operations.text(arguments.get(0)));
            }
            case "endswith" -> {
                expectArguments(call, 1);
                yield operations.text(target).endsWith(operations.text(arguments.get(0)));
            }
            case "indexof" -> {
                expectArguments(call, 1);
                Object what = arguments.get(0);
                String text = operations.text(target);
                yield (long) (what instanceof Long code ? text.indexOf((int) (long) code)
                        : text.indexOf(operations.text(what)));
            }
            case "get" -> {
                expectArguments(call, 1);
                yield index(target, arguments.get(0), position);
            }
            default -> throw new OqlException("unknown method " + call.name() + "()", position);
        };
    }

    private static void expectArguments(Expression.MethodCall call, int count) {
        if (call.arguments().size() != count) {
            throw new OqlException(call.name() + "() takes " + count + " argument" + (count == 1 ? "" : "s")
                    + ", got " + call.arguments().size(), call.position());
        }
    }

    private Object index(Object target, Object index, int position) {
        if (target == null || index == null) {
            return null;
        }
        if (!(index instanceof Long) && !(index instanceof Integer)) {
            throw new OqlException("an index must be an integer, not " + ValueOperations.describe(index), position);
        }
        List<?> list;
        if (target instanceof List<?> values) {
            list = values;
        } else if (target instanceof OqlObject ref && access.isArray(ref.index())) {
            list = access.elements(ref.index());
        } else {
            throw new OqlException("[i] needs an array or a list, not " + ValueOperations.describe(target), position);
        }
        long i = ValueOperations.integral(index);
        long at = i < 0 ? list.size() + i : i;
        return at >= 0 && at < list.size() ? list.get((int) at) : null;
    }

    private Object function(Expression.FunctionCall call, Scope scope) {
        if (call.arguments().size() != 1) {
            throw new OqlException(call.name() + "() takes one argument, got " + call.arguments().size(),
                    call.position());
        }
        Object argument = evaluate(call.arguments().get(0), scope);
        if (argument == null) {
            return null;
        }
        if (call.name().equals("tostring")) {
            return operations.text(argument);
        }
        if (call.name().equals("tohex")) {
            if (argument instanceof OqlObject ref) {
                return "0x" + Long.toHexString(access.graph().idOf(ref.index()));
            }
            if (argument instanceof Long || argument instanceof Integer) {
                return "0x" + Long.toHexString(ValueOperations.integral(argument));
            }
            throw new OqlException("toHex() needs a number or an object, not " + ValueOperations.describe(argument),
                    call.position());
        }
        if (call.name().equals("classof") && argument instanceof OqlClass) {
            return argument;
        }
        if (!(argument instanceof OqlObject ref)) {
            throw new OqlException(call.name() + "() needs an object, not " + ValueOperations.describe(argument),
                    call.position());
        }
        int object = ref.index();
        return switch (call.name()) {
            case "dominators" -> access.dominated(object);
            case "dominatorof" -> access.dominatorOf(object);
            case "outbounds" -> access.outbounds(object);
            case "inbounds" -> access.inbounds(object);
            case "classof" -> access.classValue(access.graph().classOf(object));
            default -> throw new OqlException("unknown function " + call.name() + "()", call.position());
        };
    }

    private Object binary(Expression.Binary binary, Scope scope) {
        Operator operator = binary.operator();
        if (operator == Operator.AND) {
            return ValueOperations.isTrue(evaluate(binary.left(), scope))
                    && ValueOperations.isTrue(evaluate(binary.right(), scope));
        }
        if (operator == Operator.OR) {
            return ValueOperations.isTrue(evaluate(binary.left(), scope))
                    || ValueOperations.isTrue(evaluate(binary.right(), scope));
        }
        Object left = evaluate(binary.left(), scope);
        Object right = evaluate(binary.right(), scope);
        int position = binary.position();
        return switch (operator) {
            case EQUAL -> operations.equal(left, right);
            case NOT_EQUAL -> !operations.equal(left, right);
            case LESS -> left != null && right != null && operations.compare(left, right, position) < 0;
            case LESS_OR_EQUAL -> left != null && right != null && operations.compare(left, right, position) <= 0;
            case GREATER -> left != null && right != null && operations.compare(left, right, position) > 0;
            case GREATER_OR_EQUAL -> left != null && right != null && operations.compare(left, right, position) >= 0;
            case LIKE -> left != null && like(left, right, position);
            case NOT_LIKE -> left == null || !like(left, right, position);
            case IN -> operations.contains(right, left, position);
            case NOT_IN -> !operations.contains(right, left, position);
            default -> operations.arithmetic(operator, left, right, position);
        };
    }

    private boolean like(Object left, Object right, int position) {
        if (!(right instanceof String pattern)) {
            throw new OqlException("LIKE needs a \"regular expression\", not " + ValueOperations.describe(right),
                    position);
        }
        return engine.pattern(pattern, position).matcher(operations.text(left)).matches();
    }
}
