package dev.heapdelta.analyzer.oql;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs OQL queries, MAT's dialect, on one analysed snapshot (HPROF or V8): the same language for both,
 * with DevTools' class names and edge names as fields for V8. One engine per query run; not thread-safe.
 */
public final class OqlEngine {
    private static final int CANCEL_CHECK_ROWS = 4096;

    private final Snapshot snapshot;
    private final CancelSignal cancel;
    private final ObjectAccess access;
    private final ExpressionEvaluator expressions;
    private final FromEvaluator from;
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    public OqlEngine(Snapshot snapshot, CancelSignal cancel) {
        this.snapshot = snapshot;
        this.cancel = cancel;
        this.access = new ObjectAccess(snapshot);
        this.expressions = new ExpressionEvaluator(access, new ValueOperations(access::classSpecificName), this);
        this.from = new FromEvaluator(access, this, cancel);
    }

    /** Parses and runs a query; throws {@link OqlException} with the position of a syntax or type error. */
    public static OqlResult run(Snapshot snapshot, String text, CancelSignal cancel) {
        return new OqlEngine(snapshot, cancel).run(OqlParser.parse(text));
    }

    public OqlResult run(Query query) {
        OqlResult result = run(query, null);
        return new OqlResult(result.kind(), result.objects(), result.columns(), result.rows(), result.value(),
                List.copyOf(warnings));
    }

    /** MAT's class-specific name of an object, as {@code toString(o)} gives it. */
    public String textOf(int object) {
        return access.classSpecificName(object);
    }

    OqlResult run(Query query, Scope outer) {
        List<OqlResult> parts = new ArrayList<>();
        for (Query.Select select : query.parts()) {
            parts.add(select(select, outer));
        }
        return parts.size() == 1 ? parts.get(0) : union(parts);
    }

    ExpressionEvaluator expressions() {
        return expressions;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Pattern pattern(String regex, int position) {
        Pattern pattern = patterns.get(regex);
        if (pattern == null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new OqlException("bad regular expression \"" + regex + "\": " + e.getDescription(), position);
            }
            patterns.put(regex, pattern);
        }
        return pattern;
    }

    /** A nested query as a value: its objects or its single column as a list, its value; null when empty. */
    Object valueOf(OqlResult result) {
        switch (result.kind()) {
            case VALUE:
                return result.value();
            case OBJECTS: {
                if (result.objects().length == 0) {
                    return null;
                }
                List<Object> objects = new ArrayList<>(result.objects().length);
                for (int object : result.objects()) {
                    objects.add(new OqlObject(object));
                }
                return objects;
            }
            default: {
                if (result.rows().isEmpty()) {
                    return null;
                }
                List<Object> values = new ArrayList<>(result.rows().size());
                for (List<Object> row : result.rows()) {
                    values.add(row.size() == 1 ? row.get(0) : row);
                }
                return values;
            }
        }
    }

    private OqlResult select(Query.Select select, Scope outer) {
        Rows rows = from.rows(select.from(), outer);
        String alias = select.from().alias();
        IntList objects = new IntList();
        List<Object> values = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        if (select.star() && select.where() == null && rows.objects() != null) {
            objects.addAll(rows.objects());
        } else {
            for (int i = 0; i < rows.size(); i++) {
                if (i % CANCEL_CHECK_ROWS == 0) {
                    cancel.throwIfCancelled();
                }
                Object current = rows.at(i);
                Scope scope = new Scope(outer, alias, current);
                if (select.where() != null && !ValueOperations.isTrue(expressions.evaluate(select.where(), scope))) {
                    continue;
                }
                if (select.star()) {
                    if (current instanceof OqlObject ref) {
                        objects.add(ref.index());
                    } else {
                        values.add(current);
                    }
                } else if (select.objects()) {
                    for (Query.Item item : select.items()) {
                        collectObjects(expressions.evaluate(item.expression(), scope), objects);
                    }
                } else {
                    List<Object> row = new ArrayList<>(select.items().size());
                    for (Query.Item item : select.items()) {
                        row.add(expressions.evaluate(item.expression(), scope));
                    }
                    table.add(row);
                }
            }
        }
        if (select.retainedSet()) {
            if (!select.star() && !select.objects()) {
                for (List<Object> row : table) {
                    for (Object cell : row) {
                        collectObjects(cell, objects);
                    }
                }
            }
            for (Object value : values) {
                collectObjects(value, objects);
            }
            int[] retained = RetainedSet.of(snapshot.dominatorTree(), objects.toArray(), cancel).objects();
            return OqlResult.ofObjects(retained, List.of());
        }
        if (select.star() || select.objects()) {
            if (values.isEmpty()) {
                int[] result = objects.toArray();
                return OqlResult.ofObjects(select.distinct() ? distinct(result) : result, List.of());
            }
            if (objects.size() == 0 && values.size() == 1) {
                return OqlResult.ofValue(values.get(0), List.of());
            }
            for (int object : objects.toArray()) {
                table.add(List.of(new OqlObject(object)));
            }
            for (Object value : values) {
                table.add(Arrays.asList(value));
            }
            return OqlResult.ofTable(List.of("*"), select.distinct() ? distinct(table) : table, List.of());
        }
        List<String> headings = new ArrayList<>();
        for (Query.Item item : select.items()) {
            headings.add(item.heading());
        }
        return OqlResult.ofTable(headings, select.distinct() ? distinct(table) : table, List.of());
    }

    /** {@code SELECT OBJECTS}: an object, or the objects of a list (nested lists flattened); other values drop. */
    private static void collectObjects(Object value, IntList objects) {
        if (value instanceof OqlObject ref) {
            objects.add(ref.index());
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                collectObjects(element, objects);
            }
        }
    }

    private static int[] distinct(int[] objects) {
        BitSet seen = new BitSet();
        IntList result = new IntList();
        for (int object : objects) {
            if (!seen.get(object)) {
                seen.set(object);
                result.add(object);
            }
        }
        return result.toArray();
    }

    private static List<List<Object>> distinct(List<List<Object>> rows) {
        return new ArrayList<>(new LinkedHashSet<>(rows));
    }

    /** MAT's UNION: results concatenated; objects stay objects, and join a table as one-column rows. */
    private static OqlResult union(List<OqlResult> parts) {
        boolean allObjects = parts.stream().allMatch(p -> p.kind() == OqlResult.Kind.OBJECTS);
        if (allObjects) {
            IntList objects = new IntList();
            parts.forEach(p -> objects.addAll(p.objects()));
            return OqlResult.ofObjects(objects.toArray(), List.of());
        }
        List<String> columns = parts.stream().filter(p -> p.kind() == OqlResult.Kind.TABLE).findFirst()
                .map(OqlResult::columns).orElse(List.of("value"));
        List<List<Object>> rows = new ArrayList<>();
        for (OqlResult part : parts) {
            switch (part.kind()) {
                case TABLE -> rows.addAll(part.rows());
                case OBJECTS -> {
                    for (int object : part.objects()) {
                        rows.add(List.of(new OqlObject(object)));
                    }
                }
                case VALUE -> rows.add(Arrays.asList(part.value()));
            }
        }
        return OqlResult.ofTable(columns, rows, List.of());
    }

    /** A growable int array: result lists hold millions of objects without boxing. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(int[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(size + more.length, size * 2));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
