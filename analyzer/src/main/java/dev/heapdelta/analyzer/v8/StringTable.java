package dev.heapdelta.analyzer.v8;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot's string table, indexed as the nodes and edges name it: the strings read from the file,
 * then (when a cut lost the end of the table) one {@code <string N lost>} stand-in per index the read
 * nodes and edges name beyond it, then the strings the reader's own passes add. A lost index never
 * resolves to an added string, so a name that was lost stays visibly lost.
 */
final class StringTable extends AbstractList<String> {
    private final List<String> read = new ArrayList<>();
    private int lostCount;
    private final List<String> added = new ArrayList<>();

    /** Appends a string read from the file; only before anything was lost or added. */
    void addRead(String value) {
        if (lostCount != 0 || !added.isEmpty()) {
            throw new IllegalStateException("the string table is already settled");
        }
        read.add(value);
    }

    /** The number of strings read from the file. */
    int readCount() {
        return read.size();
    }

    /** Reserves the {@code count} indexes after the read strings as lost; before any string is added. */
    void markLost(int count) {
        if (!added.isEmpty()) {
            throw new IllegalStateException("strings were added before the lost ones were counted");
        }
        lostCount = count;
    }

    boolean isLost(int index) {
        return index >= read.size() && index - read.size() < lostCount;
    }

    static String lostName(int index) {
        return "<string " + index + " lost>";
    }

    @Override
    public String get(int index) {
        if (index < read.size()) {
            return read.get(index);
        }
        int pastRead = index - read.size();
        if (pastRead < lostCount) {
            return lostName(index);
        }
        return added.get(pastRead - lostCount);
    }

    @Override
    public int size() {
        return read.size() + lostCount + added.size();
    }

    /** Appends a string a pass makes up (such as {@code Detached <div>}) after every read or lost one. */
    @Override
    public boolean add(String value) {
        return added.add(value);
    }
}
