package dev.heapdelta.app.gui.overview;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.loading.SuspectSearch;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * What stands in the suspect cards' place while the leak detectors run: "Finding suspects…" with the search's
 * progress and Cancel; once cancelled, or failed, why there are no cards and a button to search again. The
 * cards replace it when the search is done (the main view redraws the overview then).
 */
final class SuspectSearchCard extends VBox {
    private final SuspectSearch<?> search;
    private final Label state = Labels.styled("", "title-4");
    private final Label detail = Labels.styled("", "text-muted");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
    private final Button retry = new Button("Find suspects", Icons.of(Feather.SEARCH));
    /** Held here: the search outlives this card when the overview is drawn again (another theme). */
    private final ChangeListener<SuspectSearch.State> onState = (o, old, now) -> show(now);

    SuspectSearchCard(SuspectSearch<?> search) {
        super(8);
        this.search = search;
        setId("suspectSearch");
        getStyleClass().add("suspect-card");
        setPadding(new Insets(14, 16, 14, 16));
        state.setId("suspectSearchState");
        detail.setId("suspectSearchDetail");
        detail.setWrapText(true);
        progress.setId("suspectSearchProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add("small");
        progress.progressProperty().bind(search.progressProperty());
        cancel.setId("cancelSuspectSearchButton");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(event -> search.cancel());
        retry.setId("findSuspectsButton");
        retry.getStyleClass().add("small");
        retry.setOnAction(event -> search.retry());
        search.stateProperty().addListener(new WeakChangeListener<>(onState));
        show(search.stateProperty().get());
    }

    private void show(SuspectSearch.State now) {
        boolean searching = now == SuspectSearch.State.WAITING || now == SuspectSearch.State.RUNNING;
        state.setText(switch (now) {
            case WAITING, RUNNING -> "Finding suspects…";
            case CANCELLED -> "Suspects not searched";
            case FAILED -> "The suspects could not be found";
            case DONE -> "Suspects found";
        });
        detail.setText(switch (now) {
            case WAITING, RUNNING -> "The leak detectors are following the largest retainers and collections. The"
                    + " totals, the charts and the class table are ready meanwhile.";
            case CANCELLED -> "The search was cancelled. The totals, the class table and the other views work"
                    + " without it.";
            case FAILED -> search.problemProperty().get();
            case DONE -> "";
        });
        getChildren().setAll(state, detail);
        if (searching) {
            getChildren().addAll(progress, cancel);
        } else if (now != SuspectSearch.State.DONE) {
            getChildren().add(retry);
        }
    }
}
