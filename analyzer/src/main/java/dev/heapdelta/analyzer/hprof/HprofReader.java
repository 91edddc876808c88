package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.StorageChoice;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HPROF heap dump (HotSpot 1.0.1/1.0.2, the old hprof agent, Android 1.0.3; plain or
 * gzipped) into a {@link HeapGraph} whose figures match Eclipse MAT's: the same objects, shallow
 * sizes, references and GC roots. Two passes over the file; see {@link RecordScan} and {@link
 * GraphPass}, which reads its stretches on several threads. Once the first pass has counted the
 * objects, the dump's columns go on the heap or, when the estimated footprint exceeds the free heap,
 * in mapped files ({@link HprofFootprint}).
 */
public final class HprofReader {
    /** Threads of the second pass: past a few, the reads of the file and memory bound it. */
    private static final int MAX_SHARES = 4;

    private HprofReader() {
    }

    /**
     * Reads one heap dump of the file ({@link ReadOptions#dumpIndex()}, the first by default).
     *
     * @throws DumpFormatException when nothing can be analysed: not HPROF, empty, a broken header,
     *     no heap dump, or no dump of the asked index
     */
    public static HeapGraph read(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress)
            throws IOException {
        return read(file, options, cancel, progress, Math.min(MAX_SHARES, Runtime.getRuntime().availableProcessors()));
    }

    /** As above, with the second pass on at most {@code shares} threads (the graph is the same for any). */
    static HeapGraph read(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress, int shares)
            throws IOException {
        String name = options.displayName() == null ? file.toString() : options.displayName();
        ReadProblems problems = new ReadProblems();
        Path readable = readableFile(file, options, cancel, progress, problems);
        FileChannel channel = FileChannel.open(readable, StandardOpenOption.READ);
        boolean handedOver = false;
        try (BlockInput in = new BlockInput(FileChannel.open(readable, StandardOpenOption.READ),
                Files.size(readable), BlockInput.DEFAULT_BLOCK)) {
            HeapGraph graph = read(in, channel, name, Files.size(file), options, cancel, progress, problems, shares);
            handedOver = true;
            return graph;
        } finally {
            if (!handedOver) {
                channel.close();
            }
        }
    }

    /** How many heap dumps the file holds (the hprof agent can write several). */
    public static int countDumps(Path file, ReadOptions options, CancelSignal cancel) throws IOException {
        String name = options.displayName() == null ? file.toString() : options.displayName();
        ReadProblems problems = new ReadProblems();
        Path readable = readableFile(file, options, cancel, ProgressListener.NONE, problems);
        try (BlockInput in = new BlockInput(FileChannel.open(readable, StandardOpenOption.READ),
                Files.size(readable), BlockInput.DEFAULT_BLOCK)) {
            HprofHeader header = HprofHeader.read(in, name, problems);
            RecordScan scan = new RecordScan(in, header, name, -1, cancel, ProgressListener.NONE, problems);
            scan.run();
            return scan.dumpsInFile;
        }
    }

    private static Path readableFile(Path file, ReadOptions options, CancelSignal cancel, ProgressListener progress,
            ReadProblems problems) throws IOException {
        if (Files.size(file) > 0 && FormatDetector.detect(file).compressed()) {
            GzipInflation.Inflated inflated = GzipInflation.inflate(file, options.cacheDirectoryOrDefault(), cancel, progress);
            if (inflated.gzipProblem() != null) {
                problems.warn("compressed stream ended early", inflated.gzipProblem());
            }
            return inflated.file();
        }
        return file;
    }

    private static HeapGraph read(BlockInput in, FileChannel detailsChannel, String name, long fileBytes,
            ReadOptions options, CancelSignal cancel, ProgressListener progress, ReadProblems problems, int shares)
            throws IOException {
        int dumpIndex = options.dumpIndex();
        HprofHeader header = HprofHeader.read(in, name, problems);
        RecordScan scan = new RecordScan(in, header, name, dumpIndex, cancel, progress, problems);
        scan.run();
        if (scan.dumpsInFile == 0) {
            String loss = problems.firstLoss();
            throw new DumpFormatException(name, header.firstRecordOffset(),
                    "no heap dump in the file" + (loss == null ? "" : " (" + loss + ")"));
        }
        if (dumpIndex < 0 || dumpIndex >= scan.dumpsInFile) {
            // Users number dumps from 1 (--dump N, the summary's "dump 2 of 3"); the index is 0-based.
            throw new DumpFormatException(name, header.firstRecordOffset(), "file has " + scan.dumpsInFile
                    + (scan.dumpsInFile == 1 ? " dump" : " dumps") + "; --dump takes 1.." + scan.dumpsInFile
                    + " (got " + (dumpIndex + 1) + ")");
        }
        ColumnStore store = StorageChoice.choose(options.storage(),
                HprofFootprint.estimatedPeakBytes(scan.objectAddresses.size(), scan.referenceSlots, false),
                options.columnDirectory());
        AddressIndex index = AddressIndex.build(scan.objectAddresses, scan.minAddress, scan.maxAddress,
                scan.addressBits, new long[0], store);
        int referenceSize = scan.compressedReferences ? 4 : header.idSize();
        ObjectLayout layout = new ObjectLayout(header.idSize(), referenceSize, ObjectLayout.alignmentOf(index.ascending()));
        ClassTableBuilder.Result resolved = ClassTableBuilder.build(scan, detailsChannel, layout, index, problems);
        if (resolved.standInAddresses().length > 0) {
            index = AddressIndex.build(scan.objectAddresses, scan.minAddress, scan.maxAddress, scan.addressBits,
                    resolved.standInAddresses(), store);
        }
        scan.objectAddresses.clear();
        ClassTable classes = resolved.table();
        RootAttribution roots = RootAttribution.of(scan, index, classes, problems);
        ThreadStacks threadStacks = ThreadStacksReader.read(scan, detailsChannel, classes, index, problems);

        // The graph's ids are the index's bitmap when it is one: no 8-byte id column per object.
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, index.size(), in.fileSize(), false, false,
                store, index.rankedIds());
        GraphPass pass = new GraphPass(in, scan, classes, index, layout, roots, builder, problems, cancel, progress,
                shares);
        addClasses(builder, classes, pass);
        pass.run();
        EdgeCollector.Csr edges = pass.edges();
        builder.adoptEdges(edges.firstEdgeByObject(), edges.targetByEdge(), edges.kindByEdge(), null);
        for (int r = 0; r < roots.rootKinds.size(); r++) {
            builder.addRoot(roots.rootObjects.get(r), roots.rootKinds.get(r), roots.rootThreads.get(r));
        }
        for (int entry : roots.entries) {
            builder.addEntry(entry);
        }
        DumpInfo info = new DumpInfo(HeapFormat.HPROF, header.version(), header.idSize(), scan.dumpsInFile,
                dumpIndex, fileBytes, header.timestampMillis(), problems.partial(), problems.lostBytes(),
                problems.lostRecords(), problems.lines(), scan.fileCounts(), matStatistics(classes, index),
                androidHeaps(scan, pass, detailsChannel));
        progress.progress(AnalysisPhase.GRAPH, 1, 1);
        int idSize = header.idSize();
        return builder.build(
                graph -> new HprofObjectDetails(graph, classes, name, detailsChannel, idSize, threadStacks), info);
    }

    /**
     * MAT adds a pseudo object at address 0 for the bootstrap class loader, an instance of
     * java.lang.ClassLoader that every boot class references; its size is in MAT's used heap.
     */
    private static Map<String, Long> matStatistics(ClassTable classes, AddressIndex index) {
        int classLoader = -1;
        boolean bootClassSeen = false;
        for (int c = 0; c < classes.count; c++) {
            if (classLoader < 0 && classes.names[c].equals("java.lang.ClassLoader")) {
                classLoader = c;
            }
            long loader = classes.loaderAddressByClass[c];
            bootClassSeen |= classes.hasClassObject[c] && (loader == 0 || index.indexOf(loader) < 0);
        }
        long bytes = classLoader >= 0 && bootClassSeen ? classes.instanceSizeByClass[classLoader] : 0;
        return Map.of(DumpInfo.MAT_BOOTSTRAP_LOADER_BYTES, bytes);
    }

    private static void addClasses(HeapGraphBuilder builder, ClassTable classes, GraphPass pass) {
        Map<String, Integer> countByName = new HashMap<>();
        for (String className : classes.names) {
            countByName.merge(className, 1, Integer::sum);
        }
        for (int c = 0; c < classes.count; c++) {
            String className = classes.names[c];
            String key = countByName.get(className) > 1
                    ? className + "@0x" + Long.toHexString(classes.addressByClass[c]) : className;
            long instanceSize = classes.isArrayClass(c) ? 0 : classes.instanceSizeByClass[c];
            builder.addClass(new HeapClass(className, key, classes.superByClass[c], pass.classObjectOf(c), instanceSize));
        }
    }

    private static List<DumpInfo.AndroidHeap> androidHeaps(RecordScan scan, GraphPass pass, FileChannel channel)
            throws IOException {
        List<DumpInfo.AndroidHeap> heaps = new ArrayList<>();
        for (Map.Entry<Integer, long[]> entry : scan.androidHeapById.entrySet()) {
            long[] counts = entry.getValue();
            String heapName = scan.strings.get(channel, counts[0]);
            long[] bytes = pass.shallowBytesByAndroidHeap().get(entry.getKey());
            heaps.add(new DumpInfo.AndroidHeap(heapName == null ? "heap-" + entry.getKey() : heapName, entry.getKey(),
                    counts[1], counts[2], bytes == null ? 0 : bytes[0]));
        }
        return heaps;
    }
}
