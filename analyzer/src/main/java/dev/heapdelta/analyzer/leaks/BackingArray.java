package dev.heapdelta.analyzer.leaks;

/**
 * The array behind an array-backed list or hash table, for its fill ratio (size ÷ capacity).
 *
 * @param array the backing array's object index, or -1 while the collection has allocated none
 * @param capacity how many entries the array can hold: its length, divided by the slots one entry takes
 *     ({@code IdentityHashMap} keeps key and value side by side)
 * @param referenceSlots the array's length in reference slots
 */
public record BackingArray(int array, long capacity, long referenceSlots) {
}
