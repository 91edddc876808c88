package dev.heapdelta.analyzer.leaks;

/**
 * A collection found in a snapshot, with its logical entry count read from its own fields.
 *
 * @param object the object index of the container (the map, the list, the listener array)
 * @param family what it is, as a user names it: {@code HashMap}, {@code Map}, {@code EventEmitter listeners}
 * @param elements the logical number of entries (DESIGN.md §4)
 * @param bounds a cache's configured maximum and current weight, where the dump holds them
 * @param keys a multimap's number of keys, its second figure beside {@code elements}; -1 for other containers
 * @param contents the object that holds the entries: the container itself, or for an executor or a
 *     {@code Timer} its queue, which the worker thread shares, so that the wrapper does not retain it
 * @param view the {@code Collections} method that made this synchronized or unmodifiable view
 *     ({@code Collections.synchronizedList}), named by {@code family} as the collection it wraps; else null
 */
public record Container(int object, ContainerKind kind, String family, long elements, CacheBounds bounds, long keys,
        int contents, String view) {

    public Container(int object, ContainerKind kind, String family, long elements) {
        this(object, kind, family, elements, CacheBounds.NONE, -1, object, null);
    }
}
