package dev.heapdelta.analyzer.leaks;

/**
 * A collection found in a snapshot, with its logical entry count read from its own fields.
 *
 * @param object the object index of the container (the map, the list, the listener array)
 * @param family what it is, as a user names it: {@code HashMap}, {@code Map}, {@code EventEmitter listeners}
 * @param elements the logical number of entries (DESIGN.md §4)
 */
public record Container(int object, ContainerKind kind, String family, long elements) {
}
