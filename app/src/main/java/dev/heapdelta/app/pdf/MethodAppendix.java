package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import dev.heapdelta.analyzer.report.DiffReport;

/**
 * The appendix on the method: dominators and retained sizes, how references were treated in this run,
 * how trends are classified, what path keys and partial dumps are, and how strings were handled.
 */
final class MethodAppendix {
    private MethodAppendix() {
    }

    static void write(ReportCanvas canvas) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        boolean hprof = report.snapshots().stream().anyMatch(s -> s.format().equals("hprof"));
        canvas.startSection("method", "Appendix: how this report was made");

        document.add(style.subheading("Objects, references and GC roots"));
        document.add(style.paragraph("A heap dump lists every object of a process and the references between "
                + "them. The garbage collector starts from GC roots (static fields of classes, local variables of "
                + "running threads, globals, native handles) and keeps every object it can reach from them. An "
                + "object that stays reachable although the program no longer needs it is a leak.", style.body));

        document.add(style.subheading("Dominators and retained size"));
        document.add(style.paragraph("Object A dominates object B when every path from the GC roots to B passes "
                + "through A: if A went away, B would be freed too. HeapDelta computes the dominator tree of each "
                + "dump with the Lengauer–Tarjan algorithm. An object's retained size is the total shallow size "
                + "of the objects it dominates, itself included: the memory its removal would free. A class's "
                + "retained size adds up its instances that no other instance of the same class dominates, as "
                + "Eclipse MAT's minimum retained size and Chrome DevTools do.", style.body));

        document.add(style.subheading("Weak and soft references in this run"));
        document.add(style.paragraph("References were treated as follows: " + report.retention() + ".", style.bodyBold));
        document.add(style.paragraph(hprof
                ? "By default (--weak-refs=mat) a weak or soft reference keeps its referent, as in Eclipse MAT, so "
                        + "retained sizes include what only such references hold. With --weak-refs=ignore, "
                        + "referents of weak, soft, phantom and finalizer references do not count, which answers "
                        + "\"what survives the next full GC?\". Paths to GC roots never go through a referent."
                : "For V8 snapshots, weak edges never keep an object alive, and shortcut edges count only from the "
                        + "snapshot's root, as in Chrome DevTools.", style.body));

        document.add(style.subheading("How growth and trends are classified"));
        document.add(style.paragraph("Each figure (entries, objects, retained bytes) is compared step by step, "
                + "from one dump to the next. A step of at most 2% of the larger value (or at most 2) is noise. "
                + "Growing: up at every step, or up overall and still rising at the last step. Plateau: grew, then "
                + "stayed flat (a bounded cache warming up; not a suspect). Shrinking: down overall. Flat: no "
                + "movement beyond noise. With exactly two dumps a "
                + "plateau cannot be told from growth, and the report says so (trend basis "
                + "\"two-snapshots\"); this run's basis is \"" + report.trendBasis() + "\".", style.body));
        document.add(style.paragraph("Suspects of the kinds growing collection and listeners piling up rank first, "
                + "by retained growth (last minus first dump). A growing class or accumulation point that is at "
                + "least 80% explained by such a collection becomes that collection's evidence instead of a "
                + "suspect of its own. The other suspects follow, by retained growth. A bounded cache that is full "
                + "in every dump is not a suspect, and neither is a single noisy step.", style.body));

        document.add(style.subheading("Path keys"));
        document.add(style.paragraph("A path key names where an object lives, so that it can be matched across "
                + "dumps although its address changes: the last named anchor on its shortest path from a GC root "
                + "(a static field such as static SessionStore.CACHE, a global, or a module variable such as "
                + "Module(cache.js) › users), followed by field names. Map keys and array indexes are written [], "
                + "never the key itself.", style.body));

        document.add(style.subheading("Partial dumps"));
        document.add(style.paragraph(PartialDumps.explanation() + " A partial dump is marked PARTIAL on the "
                + "title page, in every table row that shows it, and at the top of every page.", style.body));
        document.add(style.paragraph(report.anyPartial() ? PartialDumps.warning(report)
                : "In this run every dump was read whole.", report.anyPartial() ? style.warning : style.bodyBold));

        document.add(style.subheading("String contents"));
        document.add(style.paragraph(report.includeStrings()
                ? "This report was made with --include-strings: sample entries and paths show string contents "
                        + "from the dumps, which can hold personal data or secrets. Share it accordingly."
                : "Strings from the dumps (sample entries, dictionary keys in paths) are redacted: each is shown as "
                        + "its length and a six-digit hash, keyed afresh for every run, so that equal strings can "
                        + "be recognised in this report but cannot be recovered by guessing. Use --include-strings, "
                        + "or the checkbox in the export dialog, to show them.", style.body));
    }
}
