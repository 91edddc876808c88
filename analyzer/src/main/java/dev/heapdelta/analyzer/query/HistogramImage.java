package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;

/** Saves a {@link ClassHistogram} (three figures per class) and reads it back, instead of a walk of the tree. */
public final class HistogramImage {
    private static final int MAGIC = 0x48444331;

    private HistogramImage() {
    }

    public static void write(ClassHistogram histogram, ImageOutput out) throws IOException {
        long[][] columns = histogram.columns();
        out.writeInt(MAGIC);
        for (long[] column : columns) {
            out.writeLongs(column);
        }
    }

    /** Reads a histogram of {@code classCount} classes, checking the file's end and checksum first. */
    public static ClassHistogram read(ImageInput in, long checksum, int classCount) throws IOException {
        if (in.readInt() != MAGIC) {
            throw in.damaged("not a class histogram image");
        }
        long[] count = in.readLongs();
        long[] shallow = in.readLongs();
        long[] retained = in.readLongs();
        in.verifyEnd(checksum);
        if (count == null || shallow == null || retained == null || count.length != classCount
                || shallow.length != classCount || retained.length != classCount) {
            throw in.damaged("a histogram that does not fit " + classCount + " classes");
        }
        return new ClassHistogram(count, shallow, retained);
    }
}
