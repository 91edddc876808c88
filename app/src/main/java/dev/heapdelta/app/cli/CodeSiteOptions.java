package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.codesites.ApplicationClassPath;
import dev.heapdelta.analyzer.codesites.SourceLines;
import dev.heapdelta.analyzer.report.CodeSiteReports;
import dev.heapdelta.analyzer.report.DiffReport;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --classpath} and {@code --sources}: from a suspect to the lines of code that fill it. */
final class CodeSiteOptions {
    @Option(names = "--classpath", paramLabel = "PATH[:PATH…]",
            description = "The application's jars, class directories or Spring Boot fat jar: each suspect lists "
                    + "the statements that fill and empty its container (read as bytecode, never run).")
    String classPath;

    @Option(names = "--sources", paramLabel = "DIR[:DIR…]",
            description = "Source roots or -sources.jar files: code sites show their line's text, and V8 suspects "
                    + "held by a module variable list the calls on it.")
    String sources;

    /** Parsed before any dump is read, so that a typo costs no analysis. */
    Parsed parse() {
        try {
            return new Parsed(classPath == null ? null : ApplicationClassPath.parse(classPath),
                    sources == null ? null : SourceLines.parse(sources));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    record Parsed(ApplicationClassPath classPath, SourceLines sources) {
        boolean requested() {
            return classPath != null || sources != null;
        }

        DiffReport apply(DiffReport report, List<Snapshot> snapshots) throws IOException {
            if (!requested()) {
                return report;
            }
            return CodeSiteReports.withCodeSites(report, snapshots, classPath, sources);
        }
    }
}
