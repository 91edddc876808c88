package dev.heapdelta.analyzer.oql;

import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Comparison, truth and arithmetic over query values, as MAT's OQL does them: integers stay exact,
 * division is floating-point, {@code +} with a string concatenates, and null compares only by {@code =}.
 * Objects compared with strings compare by their class-specific name.
 */
final class ValueOperations {
    private final IntFunction<String> objectText;

    ValueOperations(IntFunction<String> objectText) {
        this.objectText = objectText;
    }

    static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (isNumeric(left) && isNumeric(right)) {
            if (isIntegral(left) && isIntegral(right)) {
                return integral(left) == integral(right);
            }
            return number(left) == number(right);
        }
        if (left instanceof OqlObject a && right instanceof OqlObject b) {
            return a.index() == b.index();
        }
        if (left instanceof OqlObject || right instanceof OqlObject) {
            Object other = left instanceof OqlObject ? right : left;
            OqlObject ref = (OqlObject) (left instanceof OqlObject ? left : right);
            return other instanceof String text && text.equals(objectText.apply(ref.index()));
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Character && right instanceof String || left instanceof String
                && right instanceof Character) {
            return String.valueOf(left).equals(String.valueOf(right));
        }
        return left.equals(right);
    }

    /** Negative, zero or positive; throws when the two cannot be ordered. */
    int compare(Object left, Object right, int position) {
        if (isNumeric(left) && isNumeric(right)) {
            if (isIntegral(left) && isIntegral(right)) {
                return Long.compare(integral(left), integral(right));
            }
            return Double.compare(number(left), number(right));
        }
        if (isText(left) && isText(right)) {
            return text(left).compareTo(text(right));
        }
        throw new OqlException("cannot order " + describe(left) + " against " + describe(right), position);
    }

    boolean contains(Object container, Object element, int position) {
        if (container == null) {
            return false;
        }
        if (container instanceof Collection<?> values) {
            for (Object value : values) {
                if (equal(value, element)) {
                    return true;
                }
            }
            return false;
        }
        if (isText(container)) {
            return element != null && text(container).contains(text(element));
        }
        throw new OqlException("IN needs a list (dominators(s), outbounds(s), a query…), not "
                + describe(container), position);
    }

    Object arithmetic(Expression.Operator operator, Object left, Object right, int position) {
        if (operator == Expression.Operator.PLUS && (left instanceof String || right instanceof String)) {
            return text(left) + text(right);
        }
        if (left == null || right == null) {
            return null;
        }
        if (!isNumeric(left) || !isNumeric(right)) {
            throw new OqlException("'" + operator.written + "' needs numbers, not " + describe(left) + " and "
                    + describe(right), position);
        }
        boolean exact = isIntegral(left) && isIntegral(right);
        switch (operator) {
            case PLUS:
                return exact ? (Object) (integral(left) + integral(right)) : (Object) (number(left) + number(right));
            case MINUS:
                return exact ? (Object) (integral(left) - integral(right)) : (Object) (number(left) - number(right));
            case TIMES:
                return exact ? (Object) (integral(left) * integral(right)) : (Object) (number(left) * number(right));
            case DIVIDE:
                // MAT divides in floating point: s.value.@length / 2 is 2.5 for 5.
                return number(left) / number(right);
            case REMAINDER:
                if (exact) {
                    if (integral(right) == 0) {
                        throw new OqlException("remainder by zero", position);
                    }
                    return integral(left) % integral(right);
                }
                return number(left) % number(right);
            default:
                throw new IllegalArgumentException(operator.toString());
        }
    }

    Object negate(Object value, int position) {
        if (value == null) {
            return null;
        }
        if (isIntegral(value)) {
            return -integral(value);
        }
        if (value instanceof Double d) {
            return -d;
        }
        throw new OqlException("'-' needs a number, not " + describe(value), position);
    }

    /** The text of a value: a string as is, an object's class-specific name, anything else as Java writes it. */
    String text(Object value) {
        if (value instanceof OqlObject ref) {
            return objectText.apply(ref.index());
        }
        return String.valueOf(value);
    }

    private static boolean isText(Object value) {
        return value instanceof String || value instanceof Character || value instanceof OqlObject;
    }

    static boolean isNumeric(Object value) {
        return value instanceof Long || value instanceof Double || value instanceof Integer
                || value instanceof Character;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Character;
    }

    static long integral(Object value) {
        return value instanceof Character c ? c : ((Number) value).longValue();
    }

    private static double number(Object value) {
        return value instanceof Character c ? c : ((Number) value).doubleValue();
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OqlObject) {
            return "an object";
        }
        if (value instanceof OqlClass) {
            return "a class";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "the number " + value;
    }
}
