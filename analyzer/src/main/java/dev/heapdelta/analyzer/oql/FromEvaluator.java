package dev.heapdelta.analyzer.oql;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a FROM clause into rows: the instances of the classes it names (by name, pattern, class object or
 * nested query; with INSTANCEOF their subclasses' too), or with OBJECTS the named objects themselves.
 * Performance: one pass over the object columns per FROM, whatever the number of classes.
 */
final class FromEvaluator {
    private final ObjectAccess access;
    private final HeapGraph graph;
    private final OqlEngine engine;
    private final CancelSignal cancel;

    FromEvaluator(ObjectAccess access, OqlEngine engine, CancelSignal cancel) {
        this.access = access;
        this.graph = access.graph();
        this.engine = engine;
        this.cancel = cancel;
    }

    Rows rows(Query.From from, Scope outer) {
        BitSet classes = new BitSet(graph.classCount());
        List<Object> picked = new ArrayList<>();
        for (Query.Source source : from.sources()) {
            if (source instanceof Query.ClassName name) {
                BitSet named = classesNamed(name.name());
                if (named.isEmpty()) {
                    engine.warn("no class " + name.name() + " in the dump");
                }
                take(named, from, classes, picked);
            } else if (source instanceof Query.ClassPattern pattern) {
                BitSet matching = classesMatching(pattern);
                if (matching.isEmpty()) {
                    engine.warn("no class matches \"" + pattern.regex() + "\"");
                }
                take(matching, from, classes, picked);
            } else if (source instanceof Query.ObjectNumber number) {
                int object = objectOf(number);
                if (object >= 0) {
                    element(new OqlObject(object), from, source.position(), classes, picked);
                }
            } else {
                Query.Nested nested = (Query.Nested) source;
                Object value = engine.expressions().evaluate(nested.expression(), outer);
                if (value instanceof Collection<?> values) {
                    for (Object element : values) {
                        element(element, from, source.position(), classes, picked);
                    }
                } else if (value != null) {
                    element(value, from, source.position(), classes, picked);
                }
            }
        }
        if (!classes.isEmpty()) {
            int[] instances = instancesOf(classes);
            if (picked.isEmpty()) {
                return new Rows(instances, null);
            }
            for (int instance : instances) {
                picked.add(new OqlObject(instance));
            }
        }
        for (Object value : picked) {
            if (!(value instanceof OqlObject)) {
                return new Rows(null, picked);
            }
        }
        int[] objects = new int[picked.size()];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = ((OqlObject) picked.get(i)).index();
        }
        return new Rows(objects, null);
    }

    /** Classes: their instances are scanned for later; with OBJECTS, the class objects themselves are rows. */
    private void take(BitSet named, Query.From from, BitSet classes, List<Object> picked) {
        BitSet all = from.instanceOf() ? withSubclasses(named) : named;
        if (from.objects()) {
            for (int c = all.nextSetBit(0); c >= 0; c = all.nextSetBit(c + 1)) {
                picked.add(access.classValue(c));
            }
        } else {
            classes.or(all);
        }
    }

    /** One element of an id list or of a nested query's result. */
    private void element(Object value, Query.From from, int position, BitSet classes, List<Object> picked) {
        if (value == null) {
            return;
        }
        int c = value instanceof OqlClass type ? type.classIndex()
                : value instanceof OqlObject ref ? access.classOfClassObject(ref.index()) : -1;
        if (from.objects() && !from.instanceOf()) {
            picked.add(value);
            return;
        }
        if (c < 0 && value instanceof OqlObject ref) {
            engine.warn("object " + ObjectIds.format(graph, ref.index()) + " is not a class object and has no "
                    + "instances; write FROM OBJECTS to select objects themselves");
            return;
        }
        if (c < 0) {
            throw new OqlException(ValueOperations.describe(value) + " is not a class", position);
        }
        BitSet one = new BitSet();
        one.set(c);
        take(one, from, classes, picked);
    }

    private int objectOf(Query.ObjectNumber number) {
        int object = number.address() ? graph.findObjectById(number.number())
                : number.number() >= 0 && number.number() < graph.objectCount() ? (int) number.number() : -1;
        if (object < 0 || !access.isInAnalysis(object)) {
            engine.warn(number.address() ? "no object 0x" + Long.toHexString(number.number()) + " in the dump"
                    : "no object with @objectId " + number.number() + " in the dump");
            return -1;
        }
        return object;
    }

    private BitSet classesNamed(String name) {
        BitSet result = new BitSet();
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.className(c).equals(name)) {
                result.set(c);
            }
        }
        return result;
    }

    /** A quoted name: the classes of exactly that name where there are any (V8's "(closure)"), else a regex. */
    private BitSet classesMatching(Query.ClassPattern pattern) {
        BitSet exact = classesNamed(pattern.regex());
        if (!exact.isEmpty()) {
            return exact;
        }
        Pattern regex = engine.pattern(pattern.regex(), pattern.position());
        BitSet result = new BitSet();
        for (int c = 0; c < graph.classCount(); c++) {
            if (regex.matcher(graph.className(c)).matches()) {
                result.set(c);
            }
        }
        return result;
    }

    private BitSet withSubclasses(BitSet classes) {
        BitSet result = (BitSet) classes.clone();
        for (int c = 0; c < graph.classCount(); c++) {
            int steps = 0;
            for (int up = graph.heapClass(c).superClass(); up >= 0 && steps < 10_000;
                    up = graph.heapClass(up).superClass(), steps++) {
                if (classes.get(up)) {
                    result.set(c);
                    break;
                }
            }
        }
        return result;
    }

    private int[] instancesOf(BitSet classes) {
        int n = graph.objectCount();
        int[] result = new int[1024];
        int count = 0;
        for (int o = 0; o < n; o++) {
            int c = graph.classOf(o);
            if (c >= 0 && classes.get(c) && access.isInAnalysis(o)) {
                if (count == result.length) {
                    result = java.util.Arrays.copyOf(result, count * 2);
                }
                result[count++] = o;
            }
            if ((o & 0xfffff) == 0) {
                cancel.throwIfCancelled();
            }
        }
        return java.util.Arrays.copyOf(result, count);
    }
}
