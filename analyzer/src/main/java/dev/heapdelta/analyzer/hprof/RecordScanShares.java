package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableLongColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first pass's heap-dump sub-records on several threads. A HotSpot dump is a run of
 * HEAP_DUMP_SEGMENT records (about 1 MB each), and a sub-record never spans two of them, so the
 * segments of the chosen dump are cut into runs of about equal bytes, each scanned by a share of its
 * own (a {@link RecordScan} with its own buffer over the shared channel), and the shares are merged in
 * file order into the scan that found the segments: the same lists, in the same order, as one thread.
 *
 * <p>Only a dump whose every segment is whole and holds nothing but well-formed HotSpot records is
 * scanned so: a cut or damaged file, a HEAP_DUMP record, or Android heap infos keep the sequential scan,
 * with its problems reported in record order.
 */
final class RecordScanShares {
    private static final int HEADER_BLOCK = 64;

    private final List<RecordScan> parts;

    private RecordScanShares(List<RecordScan> parts) {
        this.parts = parts;
    }

    /** The shares' scans of the chosen dump's segments, or null when the dump must be scanned on one thread. */
    static RecordScanShares scan(RecordScan main, BlockInput in, long firstRecordOffset, int wantedDump, int shares)
            throws IOException {
        GrowableLongColumn records = new GrowableLongColumn();
        GrowableLongColumn ends = new GrowableLongColumn();
        if (!listSegments(in, firstRecordOffset, wantedDump, records, ends) || records.size() < 2) {
            return null;
        }
        int count = (int) Math.min(shares, records.size());
        long totalBytes = 0;
        for (long s = 0; s < records.size(); s++) {
            totalBytes += ends.get(s) - records.get(s);
        }
        List<RecordScan> parts = new ArrayList<>();
        List<Runnable> work = new ArrayList<>();
        boolean[] clean = new boolean[count];
        int first = 0;
        long bytes = 0;
        for (int k = 0; k < count; k++) {
            long goal = totalBytes / count * (k + 1);
            int end = first;
            while (end < records.size() && (k == count - 1 || bytes < goal)) {
                bytes += ends.get(end) - records.get(end);
                end++;
            }
            RecordScan part = main.shareOf(in.sharingChannel(), new ReadProblems());
            parts.add(part);
            int from = first;
            int to = end;
            int slot = k;
            work.add(() -> clean[slot] = scanSegments(part, records, ends, from, to));
            first = end;
        }
        runAll(work);
        for (boolean each : clean) {
            if (!each) {
                return null;
            }
        }
        return new RecordScanShares(parts);
    }

    /**
     * Lists the chosen dump's HEAP_DUMP_SEGMENT records (record start, record end) by reading only
     * record headers; false when the file is cut, holds a HEAP_DUMP or a segment of length 0.
     */
    private static boolean listSegments(BlockInput in, long firstRecordOffset, int wantedDump,
            GrowableLongColumn records, GrowableLongColumn ends) throws IOException {
        long fileSize = in.fileSize();
        int dump = 0;
        try (BlockInput headers = in.sharingChannel(HEADER_BLOCK)) {
            long recordStart = firstRecordOffset;
            while (recordStart < fileSize) {
                headers.seek(recordStart);
                if (!headers.ensure(9)) {
                    return false;
                }
                int tag = headers.u1();
                headers.advance(4);
                long length = headers.u4();
                long end = recordStart + 9 + length;
                if (end > fileSize || tag == HprofTag.HEAP_DUMP.code) {
                    return false;
                }
                if (tag == HprofTag.HEAP_DUMP_SEGMENT.code && dump == wantedDump) {
                    if (length == 0) {
                        return false;
                    }
                    records.add(recordStart);
                    ends.add(end);
                } else if (tag == HprofTag.HEAP_DUMP_END.code) {
                    dump++;
                }
                recordStart = end;
            }
        }
        return true;
    }

    private static boolean scanSegments(RecordScan part, GrowableLongColumn records, GrowableLongColumn ends,
            int from, int to) {
        try {
            for (int s = from; s < to; s++) {
                if (!part.scanSegmentAsShare(records.get(s), records.get(s) + 9, ends.get(s))) {
                    return false;
                }
            }
            return true;
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    /** Runs the first piece of work on this thread and the others on their own; rethrows the first failure. */
    private static void runAll(List<Runnable> work) throws IOException {
        Throwable[] failures = new Throwable[work.size()];
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k < work.size(); k++) {
            Runnable piece = work.get(k);
            int slot = k;
            Thread thread = new Thread(() -> {
                try {
                    piece.run();
                } catch (Throwable failure) {
                    failures[slot] = failure;
                }
            }, "hprof-record-scan-" + k);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            work.get(0).run();
        } catch (Throwable failure) {
            failures[0] = failure;
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable failure : failures) {
            if (failure instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    /** Adds the shares' results to {@code main} in file order, as one thread would have found them. */
    void mergeInto(RecordScan main) {
        for (int k = 0; k < parts.size(); k++) {
            RecordScan part = parts.get(k);
            if (k == 0 && main.objectAddresses.size() == 0) {
                main.objectAddresses = part.objectAddresses;
            } else {
                main.objectAddresses.addAll(part.objectAddresses);
                part.objectAddresses.clear();
            }
            main.minAddress = Math.min(main.minAddress, part.minAddress);
            main.maxAddress = Math.max(main.maxAddress, part.maxAddress);
            main.addressBits |= part.addressBits;
            main.referenceSlots += part.referenceSlots;
            mergeRoots(main, part);
            main.classDumps.addAll(part.classDumps);
            for (long classId : part.instanceClassIds.keys()) {
                main.instanceClassIds.putIfAbsent(classId, part.instanceClassIds.get(classId));
            }
            for (long classId : part.arrayClassIds.keys()) {
                main.arrayClassIds.putIfAbsent(classId, 0);
            }
            for (int type = 0; type < main.primitiveArrayTypesSeen.length; type++) {
                main.primitiveArrayTypesSeen[type] |= part.primitiveArrayTypesSeen[type];
            }
            for (int tag = 0; tag < 256; tag++) {
                main.subRecordCountByTag[tag] += part.subRecordCountByTag[tag];
            }
            mergeArrayLayout(main, part);
        }
        parts.clear();
    }

    /** Roots in file order; a root naming a thread its share had not seen takes the thread known before it. */
    private static void mergeRoots(RecordScan main, RecordScan part) {
        long pending = 0;
        long pendingCount = part.rootsOfEarlierThreads.size();
        for (long r = 0; r < part.rootAddresses.size(); r++) {
            long thread = part.rootThreadAddresses.get(r);
            if (pending < pendingCount && part.rootsOfEarlierThreads.get(pending) >>> 32 == r) {
                Long known = main.threadAddressBySerial.get((int) part.rootsOfEarlierThreads.get(pending));
                thread = known == null ? 0 : known;
                pending++;
            }
            main.rootAddresses.add(part.rootAddresses.get(r));
            main.rootTags.add(part.rootTags.get(r));
            main.rootThreadAddresses.add(thread);
            main.rootFrameDepths.add(part.rootFrameDepths.get(r));
        }
        main.threadAddressBySerial.putAll(part.threadAddressBySerial);
        for (Map.Entry<Integer, Integer> trace : part.traceSerialByThreadSerial.entrySet()) {
            main.traceSerialByThreadSerial.put(trace.getKey(), trace.getValue());
        }
    }

    /** MAT's compressed-references test across the cut: the share's first array against the one before it. */
    private static void mergeArrayLayout(RecordScan main, RecordScan part) {
        if (!part.arraysSeen) {
            return;
        }
        if (part.compressedReferences || main.header.idSize() == 8 && part.firstArrayStart > main.previousArrayStart
                && part.firstArrayStart < main.previousArrayUncompressedEnd) {
            main.compressedReferences = true;
        }
        main.previousArrayStart = part.previousArrayStart;
        main.previousArrayUncompressedEnd = part.previousArrayUncompressedEnd;
        main.arraysSeen = true;
    }
}
