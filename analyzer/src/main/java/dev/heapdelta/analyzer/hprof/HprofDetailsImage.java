package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Saves what an HPROF graph's object details need beyond the graph, its class table, and rebuilds
 * the details from it. The details still read object records from the dump (for a gzipped dump,
 * from its inflated copy), which the index cache's key proves unchanged.
 */
public final class HprofDetailsImage {
    private static final int MAGIC = 0x48444832;

    private HprofDetailsImage() {
    }

    /** Whether {@link #write} can save the details of this graph (those an {@link HprofReader} made). */
    public static boolean canSave(HeapGraph graph) {
        return graph.details() instanceof HprofObjectDetails;
    }

    public static void write(HeapGraph graph, ImageOutput out) throws IOException {
        HprofObjectDetails details = (HprofObjectDetails) graph.details();
        out.writeInt(MAGIC);
        out.writeInt(details.idSize());
        ClassTableImage.write(details.classes(), out);
        ThreadStacksImage.write(details.threadStacks(), out);
    }

    /**
     * The file object records are read from: the dump, or for a gzipped dump its inflated copy in the
     * cache directory; null when that copy is gone.
     */
    public static Path recordFile(Path dump, Path cacheDirectory) throws IOException {
        return FormatDetector.detect(dump).compressed() ? GzipInflation.existingInflation(dump, cacheDirectory) : dump;
    }

    /**
     * Reads the saved class table, checks the file's end and checksum, and returns the factory of
     * details reading records from {@code recordFile}, which it opens only when the graph exists.
     */
    public static HeapGraph.ObjectDetailsFactory read(ImageInput in, long checksum, Path recordFile)
            throws IOException {
        if (in.readInt() != MAGIC) {
            throw in.damaged("not an HPROF details image");
        }
        int idSize = in.readInt();
        if (idSize != 4 && idSize != 8) {
            throw in.damaged("identifier size " + idSize);
        }
        ClassTable classes = ClassTableImage.read(in);
        ThreadStacks threadStacks = ThreadStacksImage.read(in);
        in.verifyEnd(checksum);
        return graph -> {
            try {
                return new HprofObjectDetails(graph, classes, recordFile.toString(),
                        FileChannel.open(recordFile, StandardOpenOption.READ), idSize, threadStacks);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + recordFile + ": " + e.getMessage(), e);
            }
        };
    }
}
