package dev.heapdelta.app.gui.oql;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.format.SnapshotNames;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The OQL console: the query with its history, Run and Cancel, errors at their position, and the result table. */
public final class OqlView extends BorderPane {
    private final OqlViewModel model;
    private final TextArea query = new TextArea();
    private final TableView<OqlRow> table = new TableView<>();

    public OqlView(OqlViewModel model) {
        this.model = model;
        setId("oqlView");
        setTop(header());
        setCenter(table());
        setBottom(actions());
    }

    private VBox header() {
        Label title = Labels.styled("OQL console", "title-3");
        ComboBox<String> snapshot = new ComboBox<>();
        snapshot.setId("oqlSnapshot");
        model.snapshotNames().forEach(name -> snapshot.getItems().add(SnapshotNames.compact(name)));
        snapshot.getSelectionModel().select(model.snapshotIndex());
        snapshot.setOnAction(event -> model.showSnapshot(snapshot.getSelectionModel().getSelectedIndex()));
        ComboBox<String> history = new ComboBox<>(model.history());
        history.setId("oqlHistory");
        history.setPromptText("History");
        history.setPrefWidth(420);
        history.setOnAction(event -> {
            String chosen = history.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                query.setText(chosen);
                history.getSelectionModel().clearSelection();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, spacer, Labels.styled("Snapshot", "text-muted"), snapshot, history);
        top.setAlignment(Pos.CENTER_LEFT);

        query.setId("oqlQuery");
        query.setPrefRowCount(4);
        query.setWrapText(true);
        query.setStyle("-fx-font-family: monospace;");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                model.run();
                event.consume();
            }
        });

        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.setId("oqlRunButton");
        run.setDefaultButton(false);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(event -> model.run());
        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
        cancel.setId("oqlCancelButton");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        Label status = Labels.styled("", "text-muted");
        status.setId("oqlStatus");
        status.textProperty().bind(model.statusProperty());
        HBox controls = new HBox(8, run, cancel, busy, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label error = Labels.styled("", "danger");
        error.setId("oqlError");
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        model.errorPositionProperty().addListener((o, was, now) -> markError(now.intValue()));

        VBox header = new VBox(8, top, query, controls, error);
        header.setPadding(new Insets(12));
        return header;
    }

    /** Puts the caret on the character the error names, so that the user sees where it is. */
    private void markError(int position) {
        if (position <= 0) {
            return;
        }
        int at = Math.min(position - 1, query.getLength());
        query.requestFocus();
        query.selectRange(at, Math.min(at + 1, query.getLength()));
    }

    private TableView<OqlRow> table() {
        table.setId("oqlResults");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No result yet."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.columns().addListener((ListChangeListener<String>) change -> rebuildColumns());
        table.setRowFactory(view -> {
            TableRow<OqlRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.inspect(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            OqlRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                model.inspect(selected);
            }
        });
        return table;
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        for (int i = 0; i < model.columns().size(); i++) {
            int index = i;
            TableColumn<OqlRow, String> column = new TableColumn<>(model.columns().get(i));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().cells().size()
                    ? cell.getValue().cells().get(index) : ""));
            column.setPrefWidth(index == 0 ? 460 : 180);
            table.getColumns().add(column);
        }
        table.setPlaceholder(new Label("No objects or rows."));
    }

    private HBox actions() {
        Button inspect = action("Inspect", Feather.SEARCH, "oqlInspectButton", model::inspect);
        Button path = action("Path to GC roots", Feather.GIT_COMMIT, "oqlPathButton", model::openPath);
        Button dominators = action("Dominator tree", Feather.GIT_MERGE, "oqlDominatorsButton", model::openDominators);
        Button retainedSet = new Button("Precise retained size", Icons.of(Feather.LAYERS));
        retainedSet.setId("oqlRetainedButton");
        retainedSet.disableProperty().bind(model.runningProperty().or(javafx.beans.binding.Bindings.isEmpty(
                model.rows())));
        retainedSet.setOnAction(event -> model.computeRetainedSet());
        Label retained = Labels.styled("", "text-muted");
        retained.setId("oqlRetained");
        retained.textProperty().bind(model.retainedProperty());
        HBox actions = new HBox(8, inspect, path, dominators, retainedSet, retained);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 12, 12, 12));
        return actions;
    }

    private Button action(String text, Feather icon, String id, Consumer<OqlRow> command) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItem() == null
                        || table.getSelectionModel().getSelectedItem().object() == null,
                table.getSelectionModel().selectedItemProperty()));
        button.setOnAction(event -> {
            OqlRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                command.accept(selected);
            }
        });
        return button;
    }
}
