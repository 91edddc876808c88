package dev.heapdelta.app.gui.overview;

import dev.heapdelta.app.gui.controls.Labels;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * The parts of a suspect's card that say where to look next: the other paths that hold it (a thread's
 * stack frame beside the static field), why a cache close to its maximum is no leak, and the statements
 * of the application that fill and empty its container, each copied to the clipboard on a click.
 */
final class SuspectCardDetails {
    private SuspectCardDetails() {
    }

    /** Under the path key: "Also from: …" per other path, and the cache's note. */
    static List<Node> underPathKey(SuspectCard card) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < card.otherPaths().size(); i++) {
            Label other = Labels.styled("Also from: " + card.otherPaths().get(i), "mono", "text-small");
            other.setWrapText(true);
            other.setId("otherPath-" + card.rank() + "-" + i);
            other.setTooltip(new Tooltip("Another chain of references to the same object, from a thread's stack frame"));
            nodes.add(other);
        }
        if (!card.cacheNote().isEmpty()) {
            Label note = Labels.styled(card.cacheNote(), "cache-note", "text-small");
            note.setWrapText(true);
            note.setId("cacheNote-" + card.rank());
            nodes.add(note);
        }
        return nodes;
    }

    /** "Inserted at 2 sites, never removed", then a line per site with its source text; empty without sites. */
    static List<Node> codeSites(SuspectCard card) {
        if (card.codeSites().isEmpty()) {
            return List.of();
        }
        VBox sites = new VBox(0);
        sites.setId("codeSites-" + card.rank());
        Label tally = Labels.styled("Code: " + card.codeSiteTally(), "text-muted", "text-small");
        tally.setId("codeSiteTally-" + card.rank());
        sites.getChildren().add(tally);
        for (int i = 0; i < card.codeSites().size(); i++) {
            SuspectCard.CodeSiteLine site = card.codeSites().get(i);
            Hyperlink line = new Hyperlink(site.text());
            line.getStyleClass().addAll("mono", "text-small");
            line.setWrapText(true);
            line.setId("codeSite-" + card.rank() + "-" + i);
            line.setTooltip(new Tooltip("Copy " + site.frame() + " to the clipboard, to paste into your IDE's "
                    + "\"Go to\" or stack trace box"));
            line.setOnAction(event -> copy(site.frame()));
            sites.getChildren().add(line);
            if (!site.sourceLine().isEmpty()) {
                Label source = Labels.styled("    " + site.sourceLine(), "mono", "text-small", "text-muted");
                source.setId("codeSiteSource-" + card.rank() + "-" + i);
                source.setWrapText(true);
                sites.getChildren().add(source);
            }
        }
        return List.of(sites);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
