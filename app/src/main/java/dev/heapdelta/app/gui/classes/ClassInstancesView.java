package dev.heapdelta.app.gui.classes;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.HumanSizes;
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
        HBox row = new HBox(10, Labels.styled("Snapshot", "text-muted"), snapshot, busy, summary, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, inspect, path, dominators, merged);
        VBox header = new VBox(8, title, row, actions);
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
        TableColumn<ObjectSummary, String> object = new TableColumn<>("Object");
        object.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().className() + " @ "
                + cell.getValue().id()));
        object.setPrefWidth(360);
        TableColumn<ObjectSummary, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().label()));
        label.setPrefWidth(260);
        TableColumn<ObjectSummary, Number> shallow = sizeColumn("Shallow", ObjectSummary::shallowBytes);
        TableColumn<ObjectSummary, Number> retained = sizeColumn("Retained", ObjectSummary::retainedBytes);
        retained.setId("instanceRetainedColumn");
        TableColumn<ObjectSummary, String> percent = new TableColumn<>("% of heap");
        percent.setCellValueFactory(cell -> new ReadOnlyStringWrapper(HumanSizes.percent(
                cell.getValue().retainedBytes(), cell.getValue().heapBytes())));
        percent.setStyle("-fx-alignment: CENTER-RIGHT;");
        percent.setPrefWidth(100);
        table.getColumns().add(object);
        table.getColumns().add(label);
        table.getColumns().add(shallow);
        table.getColumns().add(retained);
        table.getColumns().add(percent);
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
