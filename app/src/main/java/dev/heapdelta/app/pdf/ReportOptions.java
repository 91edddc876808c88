package dev.heapdelta.app.pdf;

import java.time.ZonedDateTime;

/**
 * What a leak report shows beyond the {@code DiffReport} itself. Whether string contents are shown is
 * not an option here: it is the report's own {@code includeStrings}, decided when the report was built,
 * because the analyzer redacts sample entries at that point.
 *
 * @param toolVersion printed on the title page and in every footer
 * @param generatedAt when the report was made; its zone is the one capture times are written in
 * @param classRows rows of the class diff table (the issue asks for the top 50)
 * @param suspectSections suspects that get a section of their own; the rest are listed in the summary table
 */
public record ReportOptions(String toolVersion, ZonedDateTime generatedAt, int classRows, int suspectSections) {

    public ReportOptions {
        if (classRows < 0 || suspectSections < 0) {
            throw new IllegalArgumentException("row limits must not be negative");
        }
    }

    /** The defaults both the CLI and the app use: top 50 classes, 25 suspect sections, made now. */
    public static ReportOptions defaults(String toolVersion) {
        return new ReportOptions(toolVersion, ZonedDateTime.now(), 50, 25);
    }

    public ReportOptions withClassRows(int rows) {
        return new ReportOptions(toolVersion, generatedAt, rows, suspectSections);
    }
}
