package dev.heapdelta.app.gui.codesites;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.codesites.ApplicationClassPath;
import dev.heapdelta.analyzer.codesites.SourceLines;
import dev.heapdelta.analyzer.report.CodeSiteReports;
import dev.heapdelta.analyzer.report.DiffReport;
import java.io.IOException;

/**
 * The application's classes and sources given for a comparison, as the CLI's {@code --classpath} and
 * {@code --sources} take them: entries separated by the platform's path separator.
 *
 * @param classPath jars, class directories and fat jars; empty for none
 * @param sources source directories and {@code -sources.jar} files; empty for none
 */
public record ApplicationClasses(String classPath, String sources) {
    public static final ApplicationClasses NONE = new ApplicationClasses("", "");

    public ApplicationClasses {
        classPath = classPath == null ? "" : classPath.strip();
        sources = sources == null ? "" : sources.strip();
    }

    public boolean isEmpty() {
        return classPath.isEmpty() && sources.isEmpty();
    }

    /**
     * The report with each suspect's code sites from these classes (none when both are empty). Reads the
     * classes as bytecode, never loading them: call off the FX thread.
     *
     * @throws IllegalArgumentException naming an entry that does not exist
     */
    public DiffReport applyTo(DiffReport report, java.util.List<Snapshot> snapshots) throws IOException {
        return CodeSiteReports.withCodeSites(report, snapshots,
                classPath.isEmpty() ? null : ApplicationClassPath.parse(classPath),
                sources.isEmpty() ? null : SourceLines.parse(sources));
    }
}
