package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.dominators.TreeImage;
import dev.heapdelta.analyzer.graph.GraphImage;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.query.HistogramImage;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.DamagedImageException;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import dev.heapdelta.analyzer.store.PrivateFile;
import dev.heapdelta.analyzer.v8.V8DetailsImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The files of one index-cache entry: {@code graph.bin} (the graph's columns, classes, roots and dump
 * facts), {@code details.bin} (HPROF: the class table; V8: the string table and node extras),
 * {@code tree.bin} (immediate dominators, retained sizes, preorder), {@code histogram.bin} (count, shallow
 * and retained bytes per class), and {@code entry.properties},
 * written last, with each file's length and CRC-32C. A file that does not match is a damaged entry.
 */
final class IndexCacheEntry {
    static final String MANIFEST = "entry.properties";
    private static final String GRAPH = "graph.bin";
    private static final String DETAILS = "details.bin";
    private static final String TREE = "tree.bin";
    private static final String HISTOGRAM = "histogram.bin";

    private final Path directory;
    private final Properties manifest;

    private IndexCacheEntry(Path directory, Properties manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /** Writes an entry's files into {@code directory}, which must be empty; the manifest comes last. */
    static void write(Path directory, HeapGraph graph, DominatorTree tree, ClassHistogram histogram, String source)
            throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("entryFormat", Integer.toString(IndexCacheKey.ENTRY_FORMAT_VERSION));
        manifest.setProperty("format", graph.format().name());
        manifest.setProperty("source", source);
        writeFile(directory, GRAPH, manifest, out -> GraphImage.write(graph, out));
        writeFile(directory, DETAILS, manifest, out -> {
            if (graph.format() == HeapFormat.HPROF) {
                HprofDetailsImage.write(graph, out);
            } else {
                V8DetailsImage.write(graph, out);
            }
        });
        writeFile(directory, TREE, manifest, out -> TreeImage.write(tree, out));
        writeFile(directory, HISTOGRAM, manifest, out -> HistogramImage.write(histogram, out));
        try (OutputStream out = PrivateFile.create(directory.resolve(MANIFEST))) {
            manifest.store(out, "HeapDelta index cache entry");
        }
    }

    /** Whether an entry can be made of this graph: one a reader made, not one a tool built itself. */
    static boolean canSave(HeapGraph graph) {
        return graph.format() == HeapFormat.HPROF ? HprofDetailsImage.canSave(graph) : V8DetailsImage.canSave(graph);
    }

    /** The entry in {@code directory}, or null when there is none; a manifest that does not parse is damage. */
    static IndexCacheEntry open(Path directory) throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(MANIFEST))) {
            manifest.load(in);
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(directory)) {
                throw new DamagedImageException(directory, 0, "an entry without its manifest");
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new DamagedImageException(directory.resolve(MANIFEST), 0, "unreadable manifest: " + e.getMessage());
        }
        if (!Integer.toString(IndexCacheKey.ENTRY_FORMAT_VERSION).equals(manifest.getProperty("entryFormat"))) {
            throw new DamagedImageException(directory.resolve(MANIFEST), 0, "not an entry of format "
                    + IndexCacheKey.ENTRY_FORMAT_VERSION);
        }
        for (String file : new String[] {GRAPH, DETAILS, TREE, HISTOGRAM}) {
            long expected = number(manifest, directory, file + ".bytes");
            number(manifest, directory, file + ".crc32c");
            long actual = Files.size(directory.resolve(file));
            if (actual != expected) {
                throw new DamagedImageException(directory.resolve(file), actual, "holds " + actual + " bytes, "
                        + expected + " expected");
            }
        }
        return new IndexCacheEntry(directory, manifest);
    }

    Path directory() {
        return directory;
    }

    /** What tells this entry from another one written under the same key: its graph image's checksum. */
    long identity() {
        return checksum(GRAPH);
    }

    /** The bytes of the entry's images: about what the rebuilt snapshot takes on the heap. */
    long imageBytes() {
        long total = 0;
        for (String file : new String[] {GRAPH, DETAILS, TREE, HISTOGRAM}) {
            total += Long.parseLong(manifest.getProperty(file + ".bytes"));
        }
        return total;
    }

    /** The bytes read to rebuild the graph, for progress. */
    long graphBytes() {
        return Long.parseLong(manifest.getProperty(GRAPH + ".bytes"))
                + Long.parseLong(manifest.getProperty(DETAILS + ".bytes"));
    }

    /**
     * The saved graph with its object details. HPROF details read records from {@code recordFile},
     * the dump or its inflated copy. The columns go to {@code store}: the heap, or mapped files; with
     * {@code arraysInPlace}, the saved arrays are mapped where they lie in the entry whatever the store.
     */
    HeapGraph graph(Path recordFile, ColumnStore store, boolean arraysInPlace) throws IOException {
        HeapGraph.ObjectDetailsFactory details;
        try (ImageInput in = new ImageInput(directory.resolve(DETAILS))) {
            details = "V8".equals(manifest.getProperty("format"))
                    ? V8DetailsImage.read(in, checksum(DETAILS))
                    : HprofDetailsImage.read(in, checksum(DETAILS), recordFile);
        }
        try (ImageInput in = input(GRAPH, arraysInPlace)) {
            HeapGraph graph = GraphImage.read(in, checksum(GRAPH), details, store);
            if (!graph.format().name().equals(manifest.getProperty("format"))) {
                graph.close();
                throw new DamagedImageException(directory.resolve(GRAPH), 0, "a graph of another format");
            }
            return graph;
        }
    }

    DominatorTree tree(HeapGraph graph, RetentionRule rule, boolean arraysInPlace) throws IOException {
        try (ImageInput in = input(TREE, arraysInPlace)) {
            return TreeImage.read(graph, rule, in, checksum(TREE));
        }
    }

    /**
     * The images whose arrays are mapped in place are checked later, by {@link #checkMappedImages}: their
     * columns are the bulk of the entry, and the reopened dump is shown before their pages are read.
     */
    private ImageInput input(String file, boolean arraysInPlace) throws IOException {
        Path path = directory.resolve(file);
        return arraysInPlace ? ImageInput.checkingLater(path) : new ImageInput(path, false);
    }

    /**
     * Checks the checksums of the images that {@link #graph} and {@link #tree} mapped in place unchecked.
     * Performance: one sequential read of the graph and tree images (1.6 GB for the benchmark dump), through a
     * buffer, not the mapping.
     */
    void checkMappedImages() throws IOException {
        ImageInput.verifyChecksum(directory.resolve(GRAPH), checksum(GRAPH));
        ImageInput.verifyChecksum(directory.resolve(TREE), checksum(TREE));
    }

    ClassHistogram histogram(HeapGraph graph) throws IOException {
        try (ImageInput in = new ImageInput(directory.resolve(HISTOGRAM))) {
            return HistogramImage.read(in, checksum(HISTOGRAM), graph.classCount());
        }
    }

    private long checksum(String file) {
        return Long.parseLong(manifest.getProperty(file + ".crc32c"));
    }

    private static long number(Properties manifest, Path directory, String name) throws DamagedImageException {
        String value = manifest.getProperty(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DamagedImageException(directory.resolve(MANIFEST), 0, "no number for " + name);
        }
    }

    @FunctionalInterface
    private interface ImageWriting {
        void writeTo(ImageOutput out) throws IOException;
    }

    private static void writeFile(Path directory, String name, Properties manifest, ImageWriting writing)
            throws IOException {
        try (ImageOutput out = new ImageOutput(directory.resolve(name))) {
            writing.writeTo(out);
            long checksum = out.finish();
            manifest.setProperty(name + ".bytes", Long.toString(out.position()));
            manifest.setProperty(name + ".crc32c", Long.toString(checksum));
        }
    }
}
