package dev.heapdelta.analyzer.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.V8SnapshotBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How detached DOM under a holder is counted, on a tiny snapshot shaped as Chromium writes them
 * (merged wrapper and Blink nodes, links from each node to its parent and siblings, to its
 * document, and to Blink's own data): the real-browser case is BrowserDetachedDomTest in app.
 */
class DetachedDomTest {
    private static final int DETACHED = 2;
    private static final int ATTACHED = 1;
    private static final long GLOBAL_ID = 1001;
    private static final long ROWS_ID = 1003;
    private static final long DOCUMENT_ID = 1005;

    @TempDir
    Path dir;

    @Test
    void treesAreConnectedGroupsOfDetachedNodesWithoutBlinkInternalsOrAttachedNodes() throws Exception {
        V8SnapshotBuilder b = new V8SnapshotBuilder();
        int root = b.node("synthetic", "(root)", 0);
        int global = b.nodeWithId("object", "Window [JSGlobalObject] / file://", 10, GLOBAL_ID);
        int rows = b.nodeWithId("object", "Array", 16, ROWS_ID);
        int elements = b.node("array", "(object elements)", 32);
        int document = b.nodeWithId("native", "HTMLDocument", 500, DOCUMENT_ID);
        int shownRow = b.node("native", "<div class=\"row\">", 100);
        // Tree A: a row with a span holding text, and Blink's attribute data.
        int rowA = b.node("native", "<div class=\"row\">", 100);
        int spanA = b.node("native", "<span>", 50);
        int textA = b.node("native", "Text", 20);
        int dataA = b.node("native", "blink::UniqueElementData", 30);
        // Tree B: a list with two items, one of which points weakly at tree A.
        int listB = b.node("native", "<ul>", 100);
        int itemB1 = b.node("native", "<li>", 40);
        int itemB2 = b.node("native", "<li>", 40);
        b.detachedness(rowA, DETACHED).detachedness(listB, DETACHED);
        b.detachedness(document, ATTACHED).detachedness(shownRow, ATTACHED);
        b.edge(root, "shortcut", "global", global).edge(global, "property", "rows", rows);
        b.edge(global, "property", "document", document).edge(document, "element", 1, shownRow);
        b.edge(rows, "internal", "elements", elements);
        // The array keeps both rows, and tree A's span a second time: still one tree.
        b.edge(elements, "element", 0, rowA).edge(elements, "element", 1, listB).edge(elements, "element", 2, spanA);
        b.edge(rowA, "element", 1, spanA).edge(rowA, "element", 2, dataA).edge(rowA, "element", 3, document);
        b.edge(spanA, "element", 1, rowA).edge(spanA, "element", 2, textA).edge(textA, "element", 1, spanA);
        b.edge(listB, "element", 1, itemB1).edge(listB, "element", 2, itemB2);
        b.edge(itemB1, "element", 1, listB).edge(itemB1, "element", 2, itemB2).edge(itemB2, "element", 1, listB);
        b.edge(itemB1, "weak", "observed", rowA);
        try (Snapshot snapshot = SnapshotLoader.load(b.write(dir.resolve("dom.heapsnapshot")), "dom.heapsnapshot",
                AnalysisOptions.defaults(), CancelSignal.NEVER, ProgressListener.NONE)) {
            DetachedDom dom = DetachedDom.under(snapshot, new int[] {object(snapshot, ROWS_ID)});
            assertEquals(2, dom.trees());
            assertEquals(6, dom.nodes(), "row, span, text, list and two items; not Blink's data, not the shown row");
            assertEquals(100 + 50 + 20 + 30 + 100 + 40 + 40, dom.retainedBytes(),
                    "each tree's top node's retained size: the row's (with its data) and the list's");
            assertEquals(DetachedDom.NONE, DetachedDom.under(snapshot, new int[] {object(snapshot, DOCUMENT_ID)}),
                    "the document and its shown row are attached");
            assertEquals(2, DetachedDom.under(snapshot, new int[] {object(snapshot, GLOBAL_ID)}).trees());
        }
    }

    private static int object(Snapshot snapshot, long id) {
        return snapshot.graph().findObjectById(id);
    }
}
