package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import dev.heapdelta.analyzer.source.ArchiveMember;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kinds of private copy a dump is read from, in the cache directory, and where each is. */
enum DumpCopy {
    /** A compressed HPROF dump inflated for random access. */
    INFLATED("inflated", ", as no saved index reads from it") {
        @Override
        Path of(Snapshot snapshot) throws IOException {
            Path dump = Path.of(snapshot.file());
            if (snapshot.format() != HeapFormat.HPROF || !Files.isRegularFile(dump)) {
                return null;
            }
            Path copy = HprofDetailsImage.recordFile(dump, cacheDirectory(snapshot));
            return copy == null || copy.equals(dump) ? null : copy;
        }

        @Override
        boolean keptFor(Snapshot snapshot) {
            // A cache entry reads its records from the inflated copy.
            IndexCacheUse.Status status = snapshot.indexCache().status();
            return status == IndexCacheUse.Status.SAVED || status == IndexCacheUse.Status.REUSED;
        }
    },
    /**
     * A dump taken out of a zip archive ({@code series.zip!t1.hprof}): a later run copies it again with the
     * same index-cache key, so a saved analysis is still reused without it.
     */
    EXTRACTED("extracted", "") {
        @Override
        Path of(Snapshot snapshot) throws IOException {
            ArchiveMember member = ArchiveMember.parse(snapshot.file());
            return member == null ? null : member.copyIn(cacheDirectory(snapshot));
        }

        @Override
        boolean keptFor(Snapshot snapshot) {
            return false;
        }
    };

    /** How the messages call it. */
    final String word;
    /** Why it could go, said after "deleted". */
    final String deletedBecause;

    DumpCopy(String word, String deletedBecause) {
        this.word = word;
        this.deletedBecause = deletedBecause;
    }

    /** The copy of this kind the snapshot was read from, whether or not it still exists; null when none. */
    abstract Path of(Snapshot snapshot) throws IOException;

    /** Whether the copy must stay after the command. */
    abstract boolean keptFor(Snapshot snapshot);

    private static Path cacheDirectory(Snapshot snapshot) {
        return snapshot.options().readOptions(snapshot.file()).cacheDirectoryOrDefault();
    }
}
