package dev.heapdelta.analyzer.source;

import static dev.heapdelta.analyzer.testing.SameGraph.assertSameGraphFromAnotherFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.hprof.HprofReader;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.v8.V8SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundled example dumps recompressed in every wrapper a support ticket brings (bzip2, xz, zstd,
 * zip) read to the same graph as the plain dump; cut or ambiguous archives give one-line errors.
 */
class CompressedDumpsTest {
    private static final Path JAVA_SAMPLE = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t0.hprof.gz");
    private static final Path NODE_SAMPLE =
            TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks-t0.heapsnapshot.gz");

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"BZIP2", "XZ", "ZSTD", "ZIP"})
    void hprofSampleRecompressedReadsToTheSameGraphAsThePlainDump(Compression compression) throws IOException {
        Path plain = gunzip(JAVA_SAMPLE, work.resolve("leaks-t0.hprof"));
        Path packed = compress(plain, compression);
        assertEquals(new FormatDetector.Detected(DumpKind.HPROF, compression), FormatDetector.detect(packed));
        try (HeapGraph expected = readHprof(plain, "plain"); HeapGraph actual = readHprof(packed, "packed")) {
            assertTrue(actual.objectCount() > 10_000, "objects: " + actual.objectCount());
            assertFalse(actual.info().partial());
            assertSameGraphFromAnotherFile(expected, actual);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"BZIP2", "XZ", "ZSTD", "ZIP"})
    void v8SampleRecompressedReadsToTheSameGraphAsThePlainSnapshot(Compression compression) throws IOException {
        Path plain = gunzip(NODE_SAMPLE, work.resolve("leaks-t0.heapsnapshot"));
        Path packed = compress(plain, compression);
        assertEquals(new FormatDetector.Detected(DumpKind.V8_SNAPSHOT, compression), FormatDetector.detect(packed));
        try (HeapGraph expected = readV8(plain); HeapGraph actual = readV8(packed)) {
            assertTrue(actual.objectCount() > 10_000, "objects: " + actual.objectCount());
            assertSameGraphFromAnotherFile(expected, actual);
        }
    }

    @Test
    void zipWithTwoDumpsIsRefusedInOneLineNamingBoth() throws IOException {
        Path hprof = gunzip(JAVA_SAMPLE, work.resolve("leaks-t0.hprof"));
        Path snapshot = gunzip(NODE_SAMPLE, work.resolve("leaks-t0.heapsnapshot"));
        Path zip = work.resolve("two.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Path entry : new Path[] {hprof, snapshot}) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getFileName().toString()));
                Files.copy(entry, out);
                out.closeArchiveEntry();
            }
            out.putArchiveEntry(new ZipArchiveEntry("notes.txt"));
            out.write("not a dump".getBytes());
            out.closeArchiveEntry();
        }
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> FormatDetector.detect(zip));
        assertTrue(e.getMessage().contains("zip archive holds 2 dumps (leaks-t0.hprof, leaks-t0.heapsnapshot)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void memberOfAZipOfSeveralDumpsIsCopiedPrivatelyAndReadsToTheSameGraph() throws IOException {
        Path hprof = gunzip(JAVA_SAMPLE, work.resolve("leaks-t0.hprof"));
        Path snapshot = gunzip(NODE_SAMPLE, work.resolve("leaks-t0.heapsnapshot"));
        Path zip = work.resolve("two.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Path entry : new Path[] {hprof, snapshot}) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getFileName().toString()));
                Files.copy(entry, out);
                out.closeArchiveEntry();
            }
        }
        assertEquals(java.util.List.of("leaks-t0.hprof", "leaks-t0.heapsnapshot"), ZipDumps.names(zip));
        ArchiveMember member = ArchiveMember.parse(zip + "!leaks-t0.heapsnapshot");
        assertEquals(new ArchiveMember(zip, "leaks-t0.heapsnapshot"), member);
        Path copy = member.copyInto(work.resolve("cache"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copy)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copy.getParent())));
        assertEquals(Files.getLastModifiedTime(zip), Files.getLastModifiedTime(copy),
                "the copy keeps the archive's time, so that its index-cache key does not change");
        try (HeapGraph expected = readV8(snapshot); HeapGraph actual = readV8(copy)) {
            assertSameGraphFromAnotherFile(expected, actual);
        }
        assertEquals(null, ArchiveMember.parse(work.resolve("missing.zip") + "!leaks-t0.hprof"));
        assertEquals(null, ArchiveMember.parse(hprof.toString()));
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"BZIP2", "XZ", "ZSTD"})
    void truncatedHprofIsReadAsFarAsItGoesWithAWarning(Compression compression) throws IOException {
        Path plain = gunzip(JAVA_SAMPLE, work.resolve("leaks-t0.hprof"));
        Path packed = compress(plain, compression);
        byte[] whole = Files.readAllBytes(packed);
        Path cut = Files.write(work.resolve("cut-" + packed.getFileName()), Arrays.copyOf(whole, whole.length - 2_000));
        try (HeapGraph whole1 = readHprof(plain, "plain"); HeapGraph partial = readHprof(cut, "cut")) {
            assertTrue(partial.info().partial());
            assertTrue(partial.info().warnings().toString().contains("compressed stream ended early"),
                    partial.info().warnings().toString());
            assertTrue(partial.objectCount() > 0 && partial.objectCount() < whole1.objectCount(),
                    partial.objectCount() + " of " + whole1.objectCount());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"BZIP2", "XZ", "ZSTD"})
    void truncatedV8SnapshotIsAOneLineErrorOrAPartialGraph(Compression compression) throws IOException {
        Path plain = gunzip(NODE_SAMPLE, work.resolve("leaks-t0.heapsnapshot"));
        Path packed = compress(plain, compression);
        byte[] whole = Files.readAllBytes(packed);
        Path cut = Files.write(work.resolve("cut-" + packed.getFileName()), Arrays.copyOf(whole, whole.length / 2));
        try (HeapGraph partial = readV8(cut)) {
            assertTrue(partial.info().partial(), "a cut snapshot is never read as whole");
        } catch (DumpFormatException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().matches(".*\\b(offset|byte)\\b.*"), e.getMessage());
        }
    }

    private HeapGraph readHprof(Path file, String cacheName) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.toString(), 0, work.resolve(cacheName), StoragePolicy.HEAP),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    private HeapGraph readV8(Path file) throws IOException {
        return V8SnapshotReader.read(file, new ReadOptions(file.toString(), 0, work.resolve("v8"), StoragePolicy.HEAP),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    private static Path gunzip(Path gz, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static Path compress(Path plain, Compression compression) throws IOException {
        Path target = plain.resolveSibling(plain.getFileName() + "." + compression.label());
        if (compression == Compression.ZIP) {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
                out.putArchiveEntry(new ZipArchiveEntry("dumps/" + plain.getFileName()));
                Files.copy(plain, out);
                out.closeArchiveEntry();
            }
            return target;
        }
        try (OutputStream file = Files.newOutputStream(target); OutputStream out = switch (compression) {
            case BZIP2 -> new BZip2CompressorOutputStream(file);
            case XZ -> new XZCompressorOutputStream(file, 1);
            case ZSTD -> new ZstdOutputStream(file);
            default -> throw new IllegalArgumentException(compression.toString());
        }) {
            Files.copy(plain, out);
        }
        return target;
    }

    /** The files the usual command-line tools write (multi-threaded xz and zstd frames included), when installed. */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"BZIP2", "XZ", "ZSTD", "ZIP"})
    void hprofCompressedByTheCommandLineToolReadsToTheSameGraph(Compression compression) throws Exception {
        String tool = compression == Compression.BZIP2 ? "bzip2" : compression.label();
        Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        Path plain = gunzip(JAVA_SAMPLE, work.resolve("leaks-t0.hprof"));
        Path packed = work.resolve("by-tool." + tool);
        ProcessBuilder command = switch (compression) {
            case BZIP2 -> new ProcessBuilder("bzip2", "-c", plain.toString());
            case XZ -> new ProcessBuilder("xz", "-T2", "-c", plain.toString());
            case ZSTD -> new ProcessBuilder("zstd", "-q", "-c", plain.toString());
            default -> new ProcessBuilder("zip", "-q", "-j", packed.toString(), plain.toString());
        };
        if (compression != Compression.ZIP) {
            command.redirectOutput(packed.toFile());
        }
        assertEquals(0, command.redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor());
        assertEquals(compression, FormatDetector.detect(packed).compression());
        try (HeapGraph expected = readHprof(plain, "plain"); HeapGraph actual = readHprof(packed, "tool")) {
            assertSameGraphFromAnotherFile(expected, actual);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
