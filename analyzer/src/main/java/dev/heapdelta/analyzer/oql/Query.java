package dev.heapdelta.analyzer.oql;

import java.util.List;

/**
 * A parsed query: one or more SELECTs joined by UNION, whose results are concatenated in order
 * (MAT's UNION keeps duplicates; DISTINCT applies to the SELECT it is written in).
 */
public record Query(List<Select> parts, String text) {

    /**
     * One SELECT.
     *
     * @param items the select list; empty for {@code *}
     * @param objects {@code SELECT OBJECTS}: the values are taken as objects, lists flattened
     * @param retainedSet {@code AS RETAINED SET}: the result is the objects these retain together
     * @param where null when there is no WHERE clause
     */
    record Select(boolean distinct, boolean objects, boolean retainedSet, List<Item> items, From from,
            Expression where, int position) {
        boolean star() {
            return items.isEmpty();
        }
    }

    /** One column of the select list: its expression and its heading. */
    record Item(Expression expression, String heading) {
    }

    /**
     * The FROM clause.
     *
     * @param objects {@code FROM OBJECTS}: the sources are the objects themselves, not classes
     * @param instanceOf {@code INSTANCEOF}: classes include their subclasses
     * @param alias the name the current row goes by, or null
     */
    record From(boolean objects, boolean instanceOf, List<Source> sources, String alias, int position) {
    }

    /** What a FROM clause names. */
    sealed interface Source {
        int position();
    }

    /** A class by its name, {@code java.lang.String[]} included. */
    record ClassName(String name, int position) implements Source {
    }

    /** A quoted regular expression over class names. */
    record ClassPattern(String regex, int position) implements Source {
    }

    /** {@code 0x1a2b}: an HPROF address or V8 node id; or a decimal number: HeapDelta's object index. */
    record ObjectNumber(long number, boolean address, int position) implements Source {
    }

    /** A parenthesised expression or nested query. */
    record Nested(Expression expression, int position) implements Source {
    }
}
