package dev.heapdelta.analyzer.graph;

import java.util.List;
import java.util.Map;

/**
 * Facts about the dump itself rather than its objects: format details, what the file held, and
 * what could not be read.
 *
 * @param formatVersion the header as the file states it ({@code JAVA PROFILE 1.0.2}) or the V8 meta summary
 * @param idSize HPROF identifier size in bytes; 0 for V8
 * @param dumpsInFile how many heap dumps the file holds (the hprof agent can write several)
 * @param dumpIndex which of them this graph holds, from 0
 * @param timestampMillis when the dump was written, from its header; 0 when unknown
 * @param partial true when the file was truncated or damaged and only part of it was read
 * @param lostBytes bytes that could not be read, when partial
 * @param lostRecords records known to be lost or skipped as unreadable
 * @param warnings one line per kind of problem, with its count
 * @param fileCounts records by kind as found in the file (HPROF: {@code INSTANCE_DUMP}, …)
 * @param statistics V8: DevTools' statistics (native, code, strings, JS arrays, system); HPROF:
 *     {@link #MAT_BOOTSTRAP_LOADER_BYTES}, the shallow size of the pseudo object MAT adds for the
 *     bootstrap class loader, which MAT's used-heap figure includes and HeapDelta's objects do not
 * @param heaps Android: the named heaps with their class and instance counts; empty otherwise
 */
public record DumpInfo(
        HeapFormat format,
        String formatVersion,
        int idSize,
        int dumpsInFile,
        int dumpIndex,
        long fileBytes,
        long timestampMillis,
        boolean partial,
        long lostBytes,
        long lostRecords,
        List<String> warnings,
        Map<String, Long> fileCounts,
        Map<String, Long> statistics,
        List<AndroidHeap> heaps) {

    /** HPROF statistic: bytes to add to the reachable shallow sum to get MAT's {@code getUsedHeapSize()}. */
    public static final String MAT_BOOTSTRAP_LOADER_BYTES = "matBootstrapLoaderPseudoObjectBytes";

    /** One Android heap ({@code app}, {@code zygote}, {@code image}) and what the file puts in it. */
    public record AndroidHeap(String name, int id, long classes, long instances, long shallowBytes) {
    }
}
