package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.WeakReferencePolicy;
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

    AnalysisOptions toAnalysisOptions() {
        if (dump < 1) {
            throw new UsageException("--dump counts from 1, got " + dump);
        }
        return new AnalysisOptions(weakReferences, keepUnreachable, dump - 1, null);
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
