package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.JavaClasses;
import dev.heapdelta.analyzer.testing.SmallJvmDump;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first pass's segments on several threads: the same scan, in the same order, as on one. */
class RecordScanSharesTest {
    private static final long NODE = 0x1100;
    private static final long ARRAY_CLASS = 0x1200;
    private static final long A = JavaClasses.FIRST_FREE;
    private static final long T1 = 0x9_0000;
    private static final long T2 = 0x9_0100;
    private static final long T3 = 0x9_0200;

    @TempDir
    Path dir;

    @Test
    void aChildJvmsDumpScannedInAnyNumberOfSharesIsTheScanOfOneThread() throws IOException {
        Path file = dir.resolve("small.hprof");
        SmallJvmDump.write(file);
        assertEveryShareCountScansAlike(file, 2, 3, 5, 16);
    }

    @Test
    void theLeakingSampleScannedInAnyNumberOfSharesIsTheScanOfOneThread() throws IOException {
        Path gz = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t2.hprof.gz");
        Path file = dir.resolve("leaks-t2.hprof");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, file);
        }
        assertEveryShareCountScansAlike(file, 2, 3, 7);
    }

    @Test
    void framesOfThreadsNamedInEarlierSegmentsAndArraysAcrossTheCutAreFoundAsOnOneThread() throws IOException {
        Path file = dir.resolve("threads.hprof");
        int segments = 6;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", HprofWriter.Type.OBJECT).write();
            w.segment();
            w.rootThreadObject(T1, 1, 10);
            w.rootThreadObject(T2, 2, 20);
            long address = A;
            for (int s = 0; s < segments; s++) {
                // An array of 4 references at each end of a segment: the next segment's first one
                // starts where 4-byte references end it, inside its 8-byte extent (MAT's test).
                w.objectArray(address, ARRAY_CLASS, 0, 0, 0, 0);
                address += 32;
                for (int i = 0; i < 40; i++) {
                    w.instance(address, NODE, 0);
                    address += 16;
                }
                if (s == 3) {
                    w.rootJavaFrame(A, 1, 0);
                    w.rootJavaFrame(A, 2, 1);
                }
                if (s == 4) {
                    w.rootThreadObject(T3, 1, 30);
                    w.rootJavaFrame(A, 1, 2);
                }
                if (s == 5) {
                    w.rootJavaFrame(A, 1, 3);
                    w.rootJavaFrame(A, 9, 4);
                }
                w.objectArray(address, ARRAY_CLASS, 0, 0, 0, 0);
                address += 32;
                w.segment();
            }
            w.endHeapDump();
        }
        String one = fingerprint(file, 1);
        assertTrue(one.contains("compressed=true"), one);
        assertTrue(one.contains(", " + T1 + ", " + T2 + ", 0, " + T3 + ", " + T3 + ", 0]"), one);
        assertTrue(one.contains("traces={1=30, 2=20}"), one);
        // One share per segment: the arrays' overlap and the threads are found only across the cuts.
        assertEveryShareCountScansAlike(file, 2, 3, segments + 1, segments + 2);
    }

    @Test
    void aCutDumpIsScannedOnOneThreadWithTheSameLoss() throws IOException {
        Path whole = dir.resolve("whole.hprof");
        SmallJvmDump.write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.hprof");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String one = fingerprint(cut, 1);
        assertTrue(one.contains("truncated at offset " + bytes.length * 2 / 3), one);
        assertEquals(one, fingerprint(cut, 3));
        assertFalse(scan(cut, 3).scannedInShares);
    }

    private void assertEveryShareCountScansAlike(Path file, int... shareCounts) throws IOException {
        String one = fingerprint(file, 1);
        for (int shares : shareCounts) {
            RecordScan scan = scan(file, shares);
            assertTrue(scan.scannedInShares, "the segments were scanned in " + shares + " shares");
            assertEquals(one, fingerprint(scan), shares + " shares");
        }
    }

    private String fingerprint(Path file, int shares) throws IOException {
        return fingerprint(scan(file, shares));
    }

    private RecordScan scan(Path file, int shares) throws IOException {
        ReadProblems problems = new ReadProblems();
        try (BlockInput in = new BlockInput(FileChannel.open(file, StandardOpenOption.READ), Files.size(file),
                BlockInput.DEFAULT_BLOCK)) {
            HprofHeader header = HprofHeader.read(in, file.toString(), problems);
            RecordScan scan = new RecordScan(in, header, file.toString(), 0, CancelSignal.NEVER,
                    ProgressListener.NONE, problems, shares);
            scan.run();
            lastProblems = problems.lines();
            return scan;
        }
    }

    private List<String> lastProblems = List.of();

    /** Everything the first pass hands on, in order, as text. */
    private String fingerprint(RecordScan scan) {
        List<Long> addresses = new ArrayList<>();
        scan.objectAddresses.forEachChunk((values, length) -> {
            for (int i = 0; i < length; i++) {
                addresses.add(values[i]);
            }
        });
        List<String> classDumps = new ArrayList<>();
        for (ClassDump dump : scan.classDumps) {
            classDumps.add(dump.address + "@" + dump.recordOffset);
        }
        TreeMap<Long, Integer> instanceClasses = new TreeMap<>();
        for (long id : scan.instanceClassIds.keys()) {
            instanceClasses.put(id, scan.instanceClassIds.get(id));
        }
        long[] arrayClasses = scan.arrayClassIds.keys();
        Arrays.sort(arrayClasses);
        return "objects=" + addresses
                + "\nrange=" + scan.minAddress + ".." + scan.maxAddress + " bits=" + scan.addressBits
                + " slots=" + scan.referenceSlots
                + "\nroots=" + Arrays.toString(scan.rootAddresses.toArray())
                + "\ntags=" + Arrays.toString(scan.rootTags.toArray())
                + "\nthreads=" + Arrays.toString(scan.rootThreadAddresses.toArray())
                + "\ndepths=" + Arrays.toString(scan.rootFrameDepths.toArray())
                + "\nthreadBySerial=" + new TreeMap<>(scan.threadAddressBySerial)
                + "\ntraces=" + scan.traceSerialByThreadSerial
                + "\nclassDumps=" + classDumps
                + "\ninstanceClasses=" + instanceClasses
                + "\narrayClasses=" + Arrays.toString(arrayClasses)
                + "\nprimitiveTypes=" + Arrays.toString(scan.primitiveArrayTypesSeen)
                + "\ncompressed=" + scan.compressedReferences
                + "\nsegments=" + Arrays.toString(scan.segmentStarts.toArray()) + Arrays.toString(scan.segmentEnds.toArray())
                + "\ncounts=" + scan.fileCounts() + " dumps=" + scan.dumpsInFile
                + " records=" + scan.heapDumpRecordsOfChosenDump
                + "\nproblems=" + lastProblems;
    }
}
