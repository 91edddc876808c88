package dev.heapdelta.app.gui.classes;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.ColumnWidths;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.ObjectNameCells;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.format.ObjectNames;
import dev.heapdelta.app.gui.format.SnapshotNames;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The instances of one class, largest retained size first, with the drill-downs from each. */
public final class ClassInstancesView extends BorderPane {
    private final ClassInstancesViewModel model;
    private final TableView<ObjectSummary> table = new TableView<>();

    public ClassInstancesView(ClassInstancesViewModel model) {
        this.model = model;
        setId("instancesView");
        setTop(header());
        setCenter(table());
    }

    private VBox header() {
        Label title = Labels.styled(model.title(), "title-3");
        title.setId("instancesTitle");
        ComboBox<String> snapshot = new ComboBox<>();
        snapshot.setId("instancesSnapshot");
        model.snapshotNames().forEach(name -> snapshot.getItems().add(SnapshotNames.compact(name)));
        snapshot.getSelectionModel().select(model.snapshotIndex());
        snapshot.setOnAction(event -> model.showSnapshot(snapshot.getSelectionModel().getSelectedIndex()));
        Label summary = Labels.styled("", "text-muted");
        summary.setId("instancesSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());

        Button inspect = action("Inspect", Feather.SEARCH, "inspectInstanceButton", model::inspect);
        Button path = action("Path to GC roots", Feather.GIT_COMMIT, "instancePathButton", model::openPath);
        Button dominators = action("Dominator tree", Feather.GIT_MERGE, "instanceDominatorsButton",
                model::openDominators);
        Button merged = new Button("Merged paths to GC roots", Icons.of(Feather.SHARE_2));
        merged.setId("mergedPathsButton");
        merged.setOnAction(event -> model.openMergedPaths());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pickerName = Labels.styled("Snapshot", "text-muted");
        pickerName.setId("instancesSnapshotLabel");
        pickerName.setMinWidth(Region.USE_PREF_SIZE);
        snapshot.setMinWidth(Region.USE_PREF_SIZE);
        busy.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, pickerName, snapshot, busy, summary, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        Button precise = new Button("Precise retained size", Icons.of(Feather.LAYERS));
        precise.setId("preciseRetainedButton");
        precise.disableProperty().bind(model.computingPreciseProperty().or(model.loadingProperty()));
        precise.setOnAction(event -> model.computePreciseRetainedSize());
        Label preciseFigure = Labels.styled("", "text-muted");
        preciseFigure.setId("preciseRetainedLabel");
        preciseFigure.textProperty().bind(model.preciseRetainedProperty());
        HBox actions = new HBox(8, inspect, path, dominators, merged, precise, preciseFigure);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(8, title);
        if (model.held()) {
            Label holder = Labels.styled("Held by " + model.holderTitle(), "text-muted");
            holder.setId("instancesHolder");
            Button all = new Button("All instances of " + ObjectNames.simpleName(model.title()));
            all.setId("allInstancesButton");
            all.getStyleClass().add("small");
            all.setOnAction(event -> model.showAllInstances());
            HBox holderRow = new HBox(10, holder, all);
            holderRow.setAlignment(Pos.CENTER_LEFT);
            header.getChildren().add(holderRow);
            snapshot.setDisable(true);
        }
        header.getChildren().addAll(row, actions);
        header.setPadding(new Insets(12));
        return header;
    }

    private Button action(String text, Feather icon, String id, Consumer<ObjectSummary> command) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(event -> {
            ObjectSummary selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                command.accept(selected);
            }
        });
        return button;
    }

    private TableView<ObjectSummary> table() {
        table.setId("instancesTable");
        table.setItems(model.instances());
        table.setPlaceholder(new Label("Finding instances…"));
        model.loadingProperty().addListener((o, was, now) -> {
            if (!now) {
                table.setPlaceholder(new Label("No reachable instances in this snapshot."));
            }
        });
        TableColumn<ObjectSummary, ObjectNames> object = new TableColumn<>("Object");
        object.setId("instanceObjectColumn");
        object.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().names()));
        object.setCellFactory(column -> ObjectNameCells.table());
        object.setComparator(java.util.Comparator.comparing(ObjectNames::plain));
        object.setPrefWidth(420);
        TableColumn<ObjectSummary, Number> shallow = sizeColumn("Shallow", ObjectSummary::shallowBytes);
        TableColumn<ObjectSummary, Number> retained = sizeColumn("Retained", ObjectSummary::retainedBytes);
        retained.setId("instanceRetainedColumn");
        TableColumn<ObjectSummary, String> percent = new TableColumn<>("% of heap");
        percent.setCellValueFactory(cell -> new ReadOnlyStringWrapper(HumanSizes.percent(
                cell.getValue().retainedBytes(), cell.getValue().heapBytes())));
        percent.setStyle("-fx-alignment: CENTER-RIGHT;");
        percent.setPrefWidth(100);
        table.getColumns().add(object);
        table.getColumns().add(shallow);
        table.getColumns().add(retained);
        if (model.hasBase()) {
            TableColumn<ObjectSummary, Number> delta = sizeColumn(model.deltaTitle(), model::retainedDelta);
            delta.setId("instanceDeltaColumn");
            delta.setCellFactory(c -> SizeCells.table(SizeCells.Style.SIZE_DELTA));
            delta.setPrefWidth(140);
            ColumnWidths.fitHeader(delta);
            table.getColumns().add(delta);
        }
        table.getColumns().add(percent);
        ColumnWidths.fillFreeWidth(table, object);
        model.loadingProperty().addListener((o, was, now) -> {
            if (!now) {
                selectRequested();
            }
        });
        table.setRowFactory(view -> {
            TableRow<ObjectSummary> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.inspect(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            ObjectSummary selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                model.inspect(selected);
            }
        });
        return table;
    }

    /** Selects and shows the row the place asked for (a suspect's container among all instances of its class). */
    private void selectRequested() {
        if (model.selected() == null) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).ref().equals(model.selected())) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    private static TableColumn<ObjectSummary, Number> sizeColumn(String title,
            java.util.function.ToLongFunction<ObjectSummary> value) {
        TableColumn<ObjectSummary, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue())));
        column.setCellFactory(c -> SizeCells.table(SizeCells.Style.SIZE));
        column.setComparator((a, b) -> Long.compare(a.longValue(), b.longValue()));
        column.setPrefWidth(100);
        return column;
    }
}
