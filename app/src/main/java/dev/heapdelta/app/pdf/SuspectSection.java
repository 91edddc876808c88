package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.CodeSiteWords;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectText;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One suspect's page: what grew and by how much in each dump, what it holds, the chain of references
 * from a GC root that keeps it alive, sample entries, why it was flagged, and what to do about it.
 */
final class SuspectSection {
    /** Longer paths show their first and last steps, so the root and the suspect both stay visible. */
    static final int PATH_HEAD = 2;
    static final int PATH_TAIL = 7;

    private SuspectSection() {
    }

    static void write(ReportCanvas canvas, Suspect suspect, int rank) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        canvas.startSection("suspect-" + rank, "Suspect " + rank + ": " + SuspectWords.kind(suspect.kind()));
        document.add(style.paragraph(SuspectWords.sentence(suspect), style.bodyBold));

        PdfPTable facts = style.table(1, 4);
        facts.setHeaderRows(0);
        fact(style, facts, "Where", suspect.pathKey());
        if (suspect.className() != null && !suspect.className().isEmpty()) {
            fact(style, facts, "Class", suspect.className());
        }
        fact(style, facts, "Trend", SuspectWords.trend(suspect.trend(), suspect.trendBasis(), canvas.snapshotCount())
                + "; kind " + suspect.kind().jsonName());
        Boolean inBaseline = report.baseline().inBaseline(suspect);
        if (inBaseline != null) {
            fact(style, facts, "Baseline", inBaseline ? "in the baseline: a known suspect, accepted in review"
                    : "not in the baseline: new since it was written");
        }
        document.add(facts);
        String cacheNote = SuspectText.cacheNote(suspect);
        if (cacheNote != null) {
            document.add(style.box(ReportStyle.HEADER_FILL, style.paragraph(cacheNote, style.body)));
        }

        document.add(style.subheading("In each dump"));
        document.add(perDumpTable(style, report, suspect));

        // The fix comes before the detail, so that it stays on the suspect's first page.
        SuspectAdvice advice = SuspectAdvice.of(suspect);
        document.add(style.box(ReportStyle.ADVICE_FILL, style.paragraph("What to do: " + advice.headline(),
                style.bodyBold), style.paragraph(advice.detail(), style.body)));

        if (!suspect.evidence().isEmpty()) {
            document.add(style.subheading("What it holds"));
            document.add(evidenceTable(style, suspect));
        }

        document.add(style.subheading("What keeps it alive: the path from a GC root"));
        if (suspect.pathToRoot().isEmpty()) {
            document.add(style.paragraph("No path was recorded.", style.body));
        } else {
            document.add(style.paragraph("From a GC root, which the runtime always keeps (a system class, a "
                    + "thread, a global), each row holds the next: the suspect cannot be freed while this chain exists.",
                    style.smallMuted));
            document.add(pathTable(style, suspect.pathToRoot(), report.includeStrings()));
        }
        for (List<PathStepRow> other : suspect.otherPaths()) {
            document.add(style.subheading("Also reached from"));
            document.add(style.paragraph("Another chain to the same object, from a thread's stack frame: it holds the "
                    + "suspect too, through the code running in that thread.", style.smallMuted));
            document.add(pathTable(style, other, report.includeStrings()));
        }

        if (!suspect.samples().isEmpty()) {
            document.add(style.subheading("Sample entries"));
            for (String sample : suspect.samples()) {
                document.add(bullet(style, sample));
            }
            if (!report.includeStrings() && suspect.samples().stream().anyMatch(s -> s.contains("‹string"))) {
                document.add(style.paragraph("String contents are redacted: ‹string, N chars, #hash› gives the "
                        + "length and a short hash, so equal strings can be recognised without being shown.",
                        style.smallMuted));
            }
        }
        if (!suspect.locations().isEmpty()) {
            document.add(style.subheading("Created at"));
            for (String location : suspect.locations()) {
                document.add(bullet(style, location));
            }
        }
        if (!suspect.codeSites().isEmpty()) {
            document.add(style.subheading("Where the code fills it: " + CodeSiteWords.tally(suspect.codeSites())));
            for (CodeSite site : suspect.codeSites()) {
                document.add(bullet(style, CodeSiteWords.line(site)));
                if (site.sourceText() != null) {
                    document.add(style.paragraph("      " + site.line() + " | " + site.sourceText(), style.mono));
                }
            }
        }
        if (!suspect.reasons().isEmpty()) {
            document.add(style.subheading("Why it was flagged"));
            for (String reason : suspect.reasons()) {
                document.add(bullet(style, reason));
            }
        }
    }

    private static PdfPTable perDumpTable(ReportStyle style, DiffReport report, Suspect suspect) {
        boolean counts = suspect.elements() != null && suspect.elements().length > 0;
        PdfPTable table = counts ? style.table(3.4f, 1.3f, 1.3f, 1.4f, 1.4f) : style.table(3.4f, 1.4f, 1.4f);
        table.addCell(style.headerCell("Dump", false));
        if (counts) {
            String noun = SuspectWords.elementNoun(suspect.kind());
            table.addCell(style.headerCell(noun, true));
            table.addCell(style.headerCell("change", true));
        }
        table.addCell(style.headerCell("Retained", true));
        table.addCell(style.headerCell("change", true));
        List<SnapshotRow> snapshots = report.snapshots();
        for (int s = 0; s < snapshots.size(); s++) {
            SnapshotRow snapshot = snapshots.get(s);
            table.addCell(style.cell(ReportFigures.dumpLabel(snapshot, s) + (snapshot.partial() ? " (PARTIAL)" : ""),
                    snapshot.partial() ? style.cellBold : style.cell, false));
            if (counts) {
                Long[] elements = suspect.elements();
                table.addCell(style.number(ReportFigures.count(elements[s])));
                table.addCell(style.number(s == 0 || elements[s] == null || elements[s - 1] == null ? ""
                        : ReportFigures.signedCount(elements[s] - elements[s - 1])));
            }
            Long[] retained = suspect.retainedBytes();
            table.addCell(style.number(ReportFigures.size(retained[s])));
            table.addCell(style.number(s == 0 || retained[s] == null || retained[s - 1] == null ? ""
                    : ReportFigures.sizeDelta(retained[s] - retained[s - 1])));
        }
        return table;
    }

    private static PdfPTable evidenceTable(ReportStyle style, Suspect suspect) {
        PdfPTable table = style.table(3.6f, 2.6f, 2.6f, 1.4f);
        table.addCell(style.headerCell("Class", false));
        table.addCell(style.headerCell("Objects per dump", true));
        table.addCell(style.headerCell("Retained per dump", true));
        table.addCell(style.headerCell("growth", true));
        for (Evidence evidence : suspect.evidence()) {
            table.addCell(style.text(evidence.name()));
            table.addCell(style.number(Arrays.stream(evidence.count()).map(ReportFigures::count)
                    .collect(Collectors.joining(" → "))));
            table.addCell(style.number(Arrays.stream(evidence.retainedBytes()).map(ReportFigures::size)
                    .collect(Collectors.joining(" → "))));
            table.addCell(style.number(ReportFigures.sizeDelta(evidence.retainedGrowth())));
        }
        return table;
    }

    static PdfPTable pathTable(ReportStyle style, List<PathStepRow> path, boolean includeStrings) {
        PdfPTable table = style.table(0.4f, 6.0f, 2.2f);
        table.addCell(style.headerCell("#", false));
        table.addCell(style.headerCell("Object", false));
        table.addCell(style.headerCell("holds the next through", false));
        // Hiding one or two steps would save no space worth the gap.
        int elided = path.size() - PATH_HEAD - PATH_TAIL >= 3 ? path.size() - PATH_HEAD - PATH_TAIL : 0;
        for (int i = 0; i < path.size(); i++) {
            if (elided > 0 && i == PATH_HEAD) {
                table.addCell(style.text(""));
                table.addCell(style.cell("… " + elided + " more steps (the whole path is in heapdelta diff --json) …",
                        style.smallMuted, false));
                table.addCell(style.text(""));
                i += elided - 1;
                continue;
            }
            PathStepRow step = path.get(i);
            String object = step.holder() + "  " + step.id() + (i == 0 ? "  (GC root)" : "")
                    + (i == path.size() - 1 ? "  (the suspect)" : "");
            table.addCell(style.text(String.valueOf(i + 1)));
            table.addCell(style.cell(object, style.mono, false));
            String edge = PathEdgeRedaction.show(step.edge(), includeStrings);
            table.addCell(style.cell(edge == null || edge.isEmpty() ? "" : edge, style.mono, false));
        }
        return table;
    }

    private static Paragraph bullet(ReportStyle style, String text) {
        Paragraph paragraph = style.paragraph("•  " + text, style.body);
        paragraph.setIndentationLeft(12);
        paragraph.setFirstLineIndent(-12);
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    private static void fact(ReportStyle style, PdfPTable table, String name, String value) {
        table.addCell(style.cell(name, style.cellBold, false));
        table.addCell(style.text(value));
    }
}
