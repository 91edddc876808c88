package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the leak report PDF of a {@link DiffReport}: title page, executive summary, charts, one section
 * per suspect, the class diff and the method appendix. The CLI ({@code diff --pdf}) and the app's
 * "Export report…" both call this, so they write the same document. Safe to run on a background thread;
 * string contents are shown only when the report was built with {@code includeStrings}. From a JavaFX
 * {@code Task}: {@code LeakReportPdf.write(report, file, ReportOptions.defaults(version),
 * (done, step) -> { updateProgress(done, 1); updateMessage(step); }, cancelSignal)}, with
 * {@code cancelSignal.cancel()} wired to the task's cancellation.
 */
public final class LeakReportPdf {
    private LeakReportPdf() {
    }

    /**
     * Writes the report to {@code output}, replacing it only once the whole document is written, so a
     * failed or cancelled export never leaves a half-written file behind.
     *
     * @return the number of pages written
     */
    public static int write(DiffReport report, Path output, ReportOptions options, ReportProgress progress,
            CancelSignal cancel) throws IOException {
        Path directory = output.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(directory, "." + output.getFileName() + "-", ".part");
        try {
            int pages;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                pages = write(report, out, options, progress, cancel);
            }
            try {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            }
            return pages;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Writes the report to {@code out}, which is left open.
     *
     * @return the number of pages written
     */
    public static int write(DiffReport report, OutputStream out, ReportOptions options, ReportProgress progress,
            CancelSignal cancel) {
        ReportFonts fonts = ReportFonts.get();
        ReportStyle style = new ReportStyle(fonts);
        Document document = new Document(PageSize.A4, 50, 50, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, new UnclosableOutputStream(out));
        // Keep every chart in its section: by default OpenPDF lets text overtake an image that does not fit.
        writer.setStrictImageSequence(true);
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
        PageDecoration decoration = new PageDecoration(style, fonts,
                "HeapDelta " + options.toolVersion() + " · leak report", PartialDumps.pageHeader(report));
        writer.setPageEvent(decoration);
        document.addTitle("Heap leak report");
        document.addSubject(TitlePage.verdict(report));
        document.addCreator("HeapDelta " + options.toolVersion());
        document.open();
        ReportCanvas canvas = new ReportCanvas(document, writer, style, fonts, report, options);
        List<Suspect> sections = report.suspects().subList(0,
                Math.min(options.suspectSections(), report.suspects().size()));
        double steps = 5 + sections.size();
        try {
            progress.update(0, "Title page");
            TitlePage.write(canvas);
            cancel.throwIfCancelled();
            progress.update(1 / steps, "Executive summary");
            ExecutiveSummary.write(canvas);
            cancel.throwIfCancelled();
            progress.update(2 / steps, "Charts");
            ChartPage.write(canvas);
            for (int i = 0; i < sections.size(); i++) {
                cancel.throwIfCancelled();
                progress.update((3 + i) / steps, "Suspect " + (i + 1) + " of " + sections.size());
                SuspectSection.write(canvas, sections.get(i), i + 1);
            }
            cancel.throwIfCancelled();
            LargeRetainerSection.write(canvas);
            BoundedCacheSection.write(canvas);
            progress.update((3 + sections.size()) / steps, "Class diff");
            ClassDiffTable.write(canvas);
            progress.update((4 + sections.size()) / steps, "Method");
            MethodAppendix.write(canvas);
        } finally {
            document.close();
        }
        progress.update(1, "Done");
        return decoration.pagesEnded();
    }

    /** Lets OpenPDF "close" the stream it writes to without closing the caller's stream. */
    private static final class UnclosableOutputStream extends java.io.FilterOutputStream {
        UnclosableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
