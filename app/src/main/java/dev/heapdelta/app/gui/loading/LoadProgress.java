package dev.heapdelta.app.gui.loading;

/**
 * A moment of a series load, as the progress view shows it.
 *
 * @param fileIndex the file being read, from 0; equal to {@code fileCount} while the snapshots are compared
 * @param phase what is happening now, in words
 * @param done work done in this phase, in {@code unit}s
 * @param total the phase's total in the same unit, or -1 when unknown
 * @param unitIsBytes whether {@code done} and {@code total} count bytes (reading) or objects (afterwards)
 * @param overall the whole load's progress from 0 to 1
 */
public record LoadProgress(String fileName, int fileIndex, int fileCount, String phase, long done, long total,
        boolean unitIsBytes, double overall) {

    public boolean comparing() {
        return fileIndex >= fileCount;
    }
}
