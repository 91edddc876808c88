package dev.heapdelta.app.gui.inspector;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.session.ObjectSummary;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The object inspector: what the object is, its fields (paged for large arrays), and who refers to it. */
public final class InspectorView extends BorderPane {
    private final InspectorViewModel model;

    public InspectorView(InspectorViewModel model) {
        this.model = model;
        setId("inspectorView");
        setTop(header());
        setCenter(tabs());
    }

    private VBox header() {
        ObjectSummary object = model.object();
        dev.heapdelta.app.gui.format.ObjectNames names = object.names();
        Label title = Labels.styled(names.name() + names.at(), "title-3");
        title.setId("inspectorTitle");
        title.setWrapText(true);
        Label packageName = Labels.styled(names.packageName(), "text-muted");
        packageName.setId("inspectorPackage");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Id", Labels.selectable(object.id(), "mono"));
        row = fact(facts, row, "Kind", new Label(model.kindText() + " in " + model.snapshotName()));
        Label shallow = new Label(HumanSizes.size(object.shallowBytes()));
        shallow.setTooltip(new javafx.scene.control.Tooltip(HumanSizes.exactBytes(object.shallowBytes())));
        row = fact(facts, row, "Shallow size", shallow);
        Label retained = new Label(HumanSizes.size(object.retainedBytes()) + "   ("
                + HumanSizes.percent(object.retainedBytes(), object.heapBytes()) + " of the heap)");
        retained.setTooltip(new javafx.scene.control.Tooltip(HumanSizes.exactBytes(object.retainedBytes())));
        row = fact(facts, row, "Retained size", retained);
        if (!model.rootKinds().isEmpty()) {
            row = fact(facts, row, "GC root", new Label(model.rootKinds()));
        }
        if (!object.label().isEmpty()) {
            row = fact(facts, row, "Label", new Label(object.label()));
        }
        javafx.scene.control.TextField key = Labels.selectable("", "path-key");
        key.setId("inspectorPathKey");
        key.textProperty().bind(model.pathKeyProperty());
        key.setPrefColumnCount(60);
        fact(facts, row, "Path key", key);

        Button path = new Button("Path to GC roots", Icons.of(Feather.GIT_COMMIT));
        path.setId("inspectorPathButton");
        path.setOnAction(event -> model.openPath());
        Button dominators = new Button("Dominator tree", Icons.of(Feather.GIT_MERGE));
        dominators.setId("inspectorDominatorsButton");
        dominators.setOnAction(event -> model.openDominators());
        HBox heading = new HBox(10, title, packageName);
        heading.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox header = new VBox(8, heading, facts, new HBox(8, path, dominators));

        TextArea text = new TextArea();
        text.setId("stringValue");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bind(model.stringValueProperty());
        Label textLabel = Labels.styled("String value", "text-muted");
        VBox stringBox = new VBox(4, textLabel, text);
        stringBox.visibleProperty().bind(model.stringValueProperty().isNotEmpty());
        stringBox.managedProperty().bind(stringBox.visibleProperty());
        header.getChildren().add(stringBox);
        header.setPadding(new Insets(12));
        return header;
    }

    private static int fact(GridPane grid, int row, String name, javafx.scene.Node value) {
        grid.add(Labels.styled(name, "text-muted"), 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }

    private TabPane tabs() {
        TableView<FieldRow> fields = table("fieldsTable", model.fields(), "Name");
        Button previous = new Button(null, Icons.of(Feather.CHEVRON_LEFT));
        previous.setId("previousPageButton");
        previous.setOnAction(event -> model.previousPage());
        previous.disableProperty().bind(model.pageProperty().isEqualTo(0));
        Button next = new Button(null, Icons.of(Feather.CHEVRON_RIGHT));
        next.setId("nextPageButton");
        next.setOnAction(event -> model.nextPage());
        next.disableProperty().bind(model.pageProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));
        Label page = Labels.styled("", "text-muted");
        page.setId("pageText");
        page.textProperty().bind(model.pageTextProperty());
        HBox pager = new HBox(8, previous, next, page);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(6, 8, 6, 8));
        BorderPane fieldsPane = new BorderPane(fields);
        fieldsPane.setTop(pager);
        Tab fieldsTab = new Tab("Fields", fieldsPane);
        fieldsTab.setId("fieldsTab");

        TableView<FieldRow> incoming = table("incomingTable", model.incoming(), "Field");
        Label incomingText = Labels.styled("", "text-muted");
        incomingText.textProperty().bind(model.incomingTextProperty());
        incomingText.setPadding(new Insets(6, 8, 6, 8));
        BorderPane incomingPane = new BorderPane(incoming);
        incomingPane.setTop(incomingText);
        Tab incomingTab = new Tab("Referenced by", incomingPane);
        incomingTab.setId("incomingTab");

        TabPane tabs = new TabPane(fieldsTab, incomingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private TableView<FieldRow> table(String id, ObservableList<FieldRow> rows, String nameTitle) {
        TableView<FieldRow> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(""));
        TableColumn<FieldRow, String> name = new TableColumn<>(nameTitle);
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setPrefWidth(200);
        TableColumn<FieldRow, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().type()));
        type.setPrefWidth(90);
        TableColumn<FieldRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setPrefWidth(560);
        TableColumn<FieldRow, Number> retained = new TableColumn<>("Retained");
        retained.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().retainedBytes() < 0
                ? null : cell.getValue().retainedBytes()));
        retained.setCellFactory(c -> SizeCells.table(SizeCells.Style.SIZE));
        retained.setPrefWidth(110);
        table.getColumns().add(name);
        table.getColumns().add(type);
        table.getColumns().add(value);
        table.getColumns().add(retained);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(view -> {
            TableRow<FieldRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.follow(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            FieldRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                model.follow(selected);
            }
        });
        return table;
    }
}
