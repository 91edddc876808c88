package dev.heapdelta.app.gui.loading;

/**
 * Why a load stopped: which file, and the problem in the reader's words.
 *
 * @param expected true for a file that is not a readable dump; false for a failure that is HeapDelta's bug
 */
public record LoadFailure(String file, String problem, boolean expected) {

    /** The headline of the error dialog. */
    public String headline() {
        return expected ? "Cannot open " + file : "HeapDelta failed while reading " + file;
    }
}
