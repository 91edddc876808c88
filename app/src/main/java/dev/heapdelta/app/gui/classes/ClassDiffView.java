package dev.heapdelta.app.gui.classes;

import dev.heapdelta.app.gui.controls.ColumnWidths;
import dev.heapdelta.app.gui.controls.FrozenColumn;
import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.PulseQueue;
import dev.heapdelta.app.gui.controls.ObjectNameCells;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.ObjectNames;
import dev.heapdelta.app.gui.format.SnapshotNames;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The diff table of every class: figures per snapshot with deltas, sortable, filterable. */
public final class ClassDiffView extends BorderPane {
    private final ClassDiffViewModel model;
    private final TableView<ClassDiffItem> table = new TableView<>();
    private final TextField filter = new TextField();
    /** Each sortable column's order on the plain rows, so a sort never builds a cell value per comparison. */
    private final java.util.Map<TableColumn<ClassDiffItem, ?>, java.util.Comparator<ClassDiffItem>> orderByColumn =
            new java.util.HashMap<>();

    public ClassDiffView(ClassDiffViewModel model) {
        this.model = model;
        setId("classDiffView");
        setTop(toolbar());
        setCenter(table());
        model.selectionRetainedSet().ifPresent(retainedSet -> {
            Label label = Labels.styled("", "text-muted");
            label.setId("selectionRetainedSet");
            label.textProperty().bind(retainedSet.textProperty());
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            setBottom(label);
        });
    }

    /** Puts the keyboard focus in the filter field (Ctrl+F). */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private HBox toolbar() {
        filter.setId("classFilter");
        filter.setPromptText("Filter classes (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        filter.setPrefWidth(340);
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            } else if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        ComboBox<FilterMode> mode = new ComboBox<>();
        mode.setId("filterMode");
        mode.getItems().setAll(FilterMode.values());
        mode.valueProperty().bindBidirectional(model.filterModeProperty());
        CheckBox growing = new CheckBox("Only growing");
        growing.setId("onlyGrowing");
        growing.selectedProperty().bindBidirectional(model.onlyGrowingProperty());
        Label error = Labels.styled("", "danger-text");
        error.setId("filterError");
        error.textProperty().bind(model.filterErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label shown = Labels.styled("", "text-muted");
        shown.setId("shownCount");
        shown.textProperty().bind(model.shownTextProperty());
        HBox bar = new HBox(10, Icons.of(Feather.FILTER), filter, mode, growing, error, spacer, shown);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private TableView<ClassDiffItem> table() {
        table.setId("classTable");
        // The rows join a pulse after the toolbar and the table's headers: the first showing of a table makes
        // every cell of its viewport, and with the rest of the view in the same pulse that was the longest
        // wait of the FX thread when the class table first opened. Until then the table is blank.
        table.setPlaceholder(new Region());
        new PulseQueue(this).add(() -> {
            table.setPlaceholder(new Label("No class matches the filter."));
            table.setItems(model.rows());
        });
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ClassDiffItem, ObjectNames> name = new TableColumn<>("Class");
        name.setId("classNameColumn");
        name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(ObjectNames.of(cell.getValue().name(), "", "")));
        name.setCellFactory(column -> ObjectNameCells.table());
        name.setPrefWidth(300);
        // By the name shown first, the simple one, then by package.
        orderByColumn.put(name, java.util.Comparator.comparing((ClassDiffItem item) -> ObjectNames.simpleName(
                item.name())).thenComparing(ClassDiffItem::name));
        table.getColumns().add(name);

        int n = model.snapshotNames().size();
        if (model.matchedByNodeId()) {
            table.getColumns().add(comparisonGroup());
        }
        TableColumn<ClassDiffItem, Number> retainedDelta = deltaColumn("Δ", "retainedDelta",
                ClassDiffItem::retainedDelta, SizeCells.Style.SIZE_DELTA);
        table.getColumns().add(group("Retained size", "retained", n, ClassDiffItem::retained, SizeCells.Style.SIZE,
                retainedDelta));
        table.getColumns().add(group("Objects", "count", n, ClassDiffItem::count, SizeCells.Style.COUNT,
                deltaColumn("Δ", "countDelta", ClassDiffItem::countDelta, SizeCells.Style.COUNT_DELTA)));
        table.getColumns().add(group("Shallow size", "shallow", n, ClassDiffItem::shallow, SizeCells.Style.SIZE,
                deltaColumn("Δ", "shallowDelta", ClassDiffItem::shallowDelta, SizeCells.Style.SIZE_DELTA)));
        TableColumn<ClassDiffItem, String> trend = new TableColumn<>("Trend");
        trend.setId("trendColumn");
        trend.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().trend()));
        trend.setPrefWidth(90);
        orderByColumn.put(trend, java.util.Comparator.comparing(ClassDiffItem::trend));
        table.getColumns().add(trend);

        table.setSortPolicy(view -> {
            model.rows().setComparator(comparatorOf(view.getSortOrder()));
            return true;
        });
        // The rows come in this order (ClassDiffViewModel.LARGEST_RETAINED_GROWTH_FIRST), so this first sort
        // only walks them once.
        retainedDelta.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(retainedDelta);

        table.setRowFactory(view -> {
            TableRow<ClassDiffItem> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.openInstances(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            ClassDiffItem selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                model.openInstances(selected);
            }
        });
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setContextMenu(contextMenu());
        ColumnWidths.fillFreeWidth(table, name);
        FrozenColumn.freeze(table, name);
        return table;
    }

    private java.util.Comparator<ClassDiffItem> comparatorOf(
            java.util.List<TableColumn<ClassDiffItem, ?>> sortOrder) {
        java.util.Comparator<ClassDiffItem> combined = null;
        for (TableColumn<ClassDiffItem, ?> column : sortOrder) {
            java.util.Comparator<ClassDiffItem> order = orderByColumn.get(column);
            if (order == null) {
                continue;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                order = order.reversed();
            }
            combined = combined == null ? order : combined.thenComparing(order);
        }
        return combined;
    }

    private ContextMenu contextMenu() {
        MenuItem instances = new MenuItem("Show instances", Icons.of(Feather.LIST));
        instances.setOnAction(event -> withSelected(model::openInstances));
        MenuItem paths = new MenuItem("Merged paths to GC roots", Icons.of(Feather.GIT_COMMIT));
        paths.setOnAction(event -> withSelected(model::openMergedPaths));
        MenuItem statics = new MenuItem("Inspect class object (statics)", Icons.of(Feather.BOX));
        statics.setId("inspectClassObjectMenuItem");
        statics.setOnAction(event -> withSelected(model::inspectClassObject));
        MenuItem retainedSet = new MenuItem("Retained set of the selection", Icons.of(Feather.LAYERS));
        retainedSet.setId("selectionRetainedSetMenuItem");
        retainedSet.setOnAction(event -> model.selectionRetainedSet().ifPresent(set -> set.compute(
                java.util.List.copyOf(table.getSelectionModel().getSelectedItems()))));
        MenuItem copy = new MenuItem("Copy class name", Icons.of(Feather.COPY));
        copy.setOnAction(event -> withSelected(item -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(item.name());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }));
        ContextMenu menu = new ContextMenu(instances, paths, statics, retainedSet, copy);
        menu.setOnShowing(event -> {
            ClassDiffItem selected = table.getSelectionModel().getSelectedItem();
            boolean none = selected == null;
            instances.setDisable(none || selected.hasNoInstances());
            paths.setDisable(none || selected.hasNoInstances());
            statics.setDisable(none || !model.hasClassObject(selected));
            retainedSet.setDisable(none || model.selectionRetainedSet().isEmpty());
        });
        return menu;
    }

    private void withSelected(java.util.function.Consumer<ClassDiffItem> action) {
        ClassDiffItem selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            action.accept(selected);
        }
    }

    /**
     * DevTools' Comparison columns, first to last snapshot by node id: an object whose id only the last
     * snapshot has is new, one only the first has is deleted, per class.
     */
    private TableColumn<ClassDiffItem, Number> comparisonGroup() {
        TableColumn<ClassDiffItem, Number> group = new TableColumn<>("Comparison by node id (as DevTools)");
        group.setId("comparisonColumns");
        group.getColumns().add(deltaColumn("# New", "newObjects", ClassDiffItem::newObjects, SizeCells.Style.COUNT));
        group.getColumns().add(deltaColumn("# Deleted", "deletedObjects", ClassDiffItem::deletedObjects,
                SizeCells.Style.COUNT));
        group.getColumns().add(deltaColumn("# Delta", "objectsDeltaById", ClassDiffItem::objectsDeltaById,
                SizeCells.Style.COUNT_DELTA));
        group.getColumns().add(deltaColumn("Alloc. Size", "newBytes", ClassDiffItem::newBytes, SizeCells.Style.SIZE));
        group.getColumns().add(deltaColumn("Freed Size", "freedBytes", ClassDiffItem::freedBytes,
                SizeCells.Style.SIZE));
        group.getColumns().add(deltaColumn("Size Delta", "sizeDeltaById", ClassDiffItem::sizeDeltaById,
                SizeCells.Style.SIZE_DELTA));
        return group;
    }

    /** Integer-indexed figure of one snapshot. */
    private interface Figure {
        long of(ClassDiffItem item, int snapshot);
    }

    private TableColumn<ClassDiffItem, Number> group(String title, String idPrefix, int snapshots, Figure figure,
            SizeCells.Style style, TableColumn<ClassDiffItem, Number> delta) {
        TableColumn<ClassDiffItem, Number> group = new TableColumn<>(title);
        for (int i = 0; i < snapshots; i++) {
            int snapshot = i;
            TableColumn<ClassDiffItem, Number> column = new TableColumn<>(
                    SnapshotNames.compact(model.snapshotNames().get(i)));
            column.setId(idPrefix + "Column-" + i);
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().presentIn(snapshot)
                    ? figure.of(cell.getValue(), snapshot) : Long.MIN_VALUE));
            column.setCellFactory(c -> SizeCells.table(style));
            column.setComparator((a, b) -> Long.compare(a.longValue(), b.longValue()));
            column.setPrefWidth(95);
            ColumnWidths.fitHeader(column);
            orderByColumn.put(column, (a, b) -> Long.compare(figure.of(a, snapshot), figure.of(b, snapshot)));
            group.getColumns().add(column);
        }
        if (snapshots > 1) {
            group.getColumns().add(delta);
        }
        return group;
    }

    private TableColumn<ClassDiffItem, Number> deltaColumn(String title, String id,
            ToLongFunction<ClassDiffItem> value, SizeCells.Style style) {
        TableColumn<ClassDiffItem, Number> column = new TableColumn<>(title);
        column.setId(id + "Column");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue())));
        column.setCellFactory(c -> SizeCells.table(style));
        column.setComparator((a, b) -> Long.compare(a.longValue(), b.longValue()));
        // A signed size (+1023.1 KB) is the widest figure.
        column.setPrefWidth(style == SizeCells.Style.SIZE_DELTA ? 110 : 95);
        ColumnWidths.fitHeader(column);
        orderByColumn.put(column, java.util.Comparator.comparingLong(value));
        return column;
    }
}
