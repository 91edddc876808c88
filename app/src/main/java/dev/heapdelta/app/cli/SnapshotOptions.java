package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.WeakReferencePolicy;
import dev.heapdelta.analyzer.store.StoragePolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The analysis options that {@code summary}, {@code diff} and {@code paths} share. */
final class SnapshotOptions {
    @Option(names = "--weak-refs", paramLabel = "mat|ignore", defaultValue = "mat",
            converter = WeakRefsConverter.class,
            description = "mat: Reference.referent retains, as in Eclipse MAT (default); "
                    + "ignore: referents of weak/soft/phantom/final references do not retain.")
    WeakReferencePolicy weakReferences = WeakReferencePolicy.MAT;

    @Option(names = "--keep-unreachable", description = "Keep unreachable objects (HPROF) instead of discarding them.")
    boolean keepUnreachable;

    @Option(names = "--dump", paramLabel = "N", defaultValue = "1",
            description = "Which heap dump of a file holding several (1 = the first).")
    int dump = 1;

    @Option(names = "--storage", paramLabel = "auto|heap|mapped", defaultValue = "auto",
            converter = StorageConverter.class,
            description = "Where the object graph lives: auto (default) maps it to index files when it would not "
                    + "fit in the Java heap; heap; mapped (out of core, for dumps larger than -Xmx).")
    StoragePolicy storage = StoragePolicy.AUTO;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where gzipped dumps are inflated, out-of-core index files and the index cache go "
                    + "(default: heapdelta-cache-USER in the temporary directory, or ~/.cache/heapdelta when that "
                    + "is a tmpfs; private to the user).")
    Path cacheDirectory;

    @Option(names = "--no-index-cache",
            description = "Analyse the dump afresh instead of reopening the index saved when it was last analysed, "
                    + "and save none (the index cache lives in the cache directory's index/).")
    boolean noIndexCache;

    AnalysisOptions toAnalysisOptions() {
        if (dump < 1) {
            throw new UsageException("--dump counts from 1, got " + dump);
        }
        return new AnalysisOptions(weakReferences, keepUnreachable, dump - 1, cacheDirectory, storage, !noIndexCache);
    }

    /** Accepts {@code auto}, {@code heap} and {@code mapped} in any case. */
    static final class StorageConverter implements picocli.CommandLine.ITypeConverter<StoragePolicy> {
        @Override
        public StoragePolicy convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> StoragePolicy.AUTO;
                case "heap" -> StoragePolicy.HEAP;
                case "mapped" -> StoragePolicy.MAPPED;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected auto, heap or mapped, got '" + value + "'");
            };
        }
    }

    /** Accepts {@code mat} and {@code ignore} in any case. */
    static final class WeakRefsConverter implements picocli.CommandLine.ITypeConverter<WeakReferencePolicy> {
        @Override
        public WeakReferencePolicy convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "mat" -> WeakReferencePolicy.MAT;
                case "ignore" -> WeakReferencePolicy.IGNORE;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected mat or ignore, got '" + value + "'");
            };
        }
    }
}
