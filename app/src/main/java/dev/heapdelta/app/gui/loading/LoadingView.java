package dev.heapdelta.app.gui.loading;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The progress card shown over the window while dumps are read: file, phase, bytes, and Cancel. */
public final class LoadingView extends StackPane {

    public LoadingView(LoadingViewModel model) {
        setId("loadingView");
        getStyleClass().add("loading-overlay");

        Label file = Labels.styled("", "title-4");
        file.setId("loadFile");
        file.textProperty().bind(model.fileTextProperty());
        Label phase = new Label();
        phase.setId("loadPhase");
        phase.textProperty().bind(model.phaseTextProperty());
        Label amount = Labels.styled("", "text-muted");
        amount.setId("loadAmount");
        amount.textProperty().bind(model.amountTextProperty());

        ProgressBar phaseBar = new ProgressBar();
        phaseBar.setId("phaseProgress");
        phaseBar.progressProperty().bind(model.phaseProgressProperty());
        phaseBar.setMaxWidth(Double.MAX_VALUE);
        phaseBar.getStyleClass().add("small");
        ProgressBar overall = new ProgressBar();
        overall.setId("loadProgress");
        overall.progressProperty().bind(model.overallProgressProperty());
        overall.setMaxWidth(Double.MAX_VALUE);

        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
        cancel.setId("cancelLoadButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancel());
        cancel.disableProperty().bind(model.cancellingProperty());

        Label overallLabel = Labels.styled("Overall", "text-muted", "text-small");
        VBox card = new VBox(10, file, phase, phaseBar, amount, overallLabel, overall, cancel);
        card.getStyleClass().add("loading-card");
        card.setPadding(new Insets(24));
        card.setMaxSize(520, Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(card);
        visibleProperty().bind(model.runningProperty());
        managedProperty().bind(model.runningProperty());
    }
}
