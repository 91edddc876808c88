package dev.heapdelta.analyzer.oql;

/**
 * The row being evaluated, and the rows of the queries around it: a nested query can name the
 * aliases of the queries it is written in.
 *
 * @param alias the FROM alias of this level, or null
 * @param current this level's row: usually an {@link OqlObject}
 */
record Scope(Scope parent, String alias, Object current) {

    /** The value an alias names at this level or an enclosing one; {@code this} scope when none does. */
    Scope find(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (name.equals(scope.alias)) {
                return scope;
            }
        }
        return null;
    }
}
