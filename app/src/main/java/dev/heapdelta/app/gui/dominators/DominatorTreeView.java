package dev.heapdelta.app.gui.dominators;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.LazyTreeItem;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The dominator tree as a lazy tree table: children are fetched a page at a time when a row opens. */
public final class DominatorTreeView extends BorderPane {
    private final DominatorTreeViewModel model;
    private final TreeTableView<DominatorNode> tree = new TreeTableView<>();

    public DominatorTreeView(DominatorTreeViewModel model) {
        this.model = model;
        setId("dominatorView");
        setTop(header());
        setCenter(tree());
    }

    private VBox header() {
        Label title = Labels.styled(model.title(), "title-3");
        title.setWrapText(true);
        javafx.scene.control.ComboBox<String> snapshot = new javafx.scene.control.ComboBox<>();
        snapshot.setId("dominatorSnapshot");
        model.snapshotNames().forEach(name -> snapshot.getItems().add(
                dev.heapdelta.app.gui.format.SnapshotNames.compact(name)));
        snapshot.getSelectionModel().select(model.snapshotIndex());
        snapshot.setOnAction(event -> model.showSnapshot(snapshot.getSelectionModel().getSelectedIndex()));
        Label pickerName = Labels.styled("Snapshot", "text-muted");
        pickerName.setId("dominatorSnapshotLabel");
        pickerName.setMinWidth(Region.USE_PREF_SIZE);
        snapshot.setMinWidth(Region.USE_PREF_SIZE);
        HBox picker = new HBox(10, pickerName, snapshot);
        picker.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (model.hasBase()) {
            Label basis = Labels.styled(model.deltaTitle() + ": the same object there (V8: by node id; HPROF: "
                    + "a class by name, another object by address and class, – where a GC moved it)", "text-muted",
                    "text-small");
            basis.setWrapText(true);
            picker.getChildren().add(basis);
        }
        VBox header = new VBox(8, title, picker);
        List<ObjectSummary> chain = model.dominatorChain();
        if (!chain.isEmpty()) {
            Label dominatedBy = Labels.styled("Dominated by: " + chain.stream().map(ObjectSummary::title)
                    .map(DominatorTreeView::shortTitle).collect(Collectors.joining("  ‹  ")), "text-muted");
            dominatedBy.setWrapText(true);
            dominatedBy.setId("dominatorChain");
            header.getChildren().add(dominatedBy);
        }
        header.getChildren().add(new HBox(8,
                action("Inspect", Feather.SEARCH, "dominatorInspectButton", model::inspect),
                action("Path to GC roots", Feather.GIT_COMMIT, "dominatorPathButton", model::openPath),
                action("Show as tree root", Feather.CORNER_RIGHT_DOWN, "dominatorFocusButton", model::focus)));
        header.setPadding(new Insets(12));
        return header;
    }

    private static String shortTitle(String title) {
        return title.length() > 80 ? title.substring(0, 79) + "…" : title;
    }

    private Button action(String text, Feather icon, String id, Consumer<ObjectSummary> command) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(event -> selectedObject().ifPresent(command));
        return button;
    }

    private java.util.Optional<ObjectSummary> selectedObject() {
        TreeItem<DominatorNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null || item.getValue().isMore() ? java.util.Optional.empty()
                : java.util.Optional.of(item.getValue().object());
    }

    private TreeTableView<DominatorNode> tree() {
        tree.setId("dominatorTree");
        TreeItem<DominatorNode> root = new TreeItem<>();
        for (DominatorNode node : model.roots()) {
            root.getChildren().add(item(node));
        }
        tree.setRoot(root);
        tree.setShowRoot(false);
        if (root.getChildren().size() == 1) {
            root.getChildren().get(0).setExpanded(true);
        }
        tree.getSelectionModel().selectFirst();

        TreeTableColumn<DominatorNode, dev.heapdelta.app.gui.format.ObjectNames> object =
                new TreeTableColumn<>("Object");
        object.setId("dominatorObjectColumn");
        object.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(namesOf(cell.getValue().getValue())));
        object.setCellFactory(c -> dev.heapdelta.app.gui.controls.ObjectNameCells.tree());
        object.setPrefWidth(480);
        TreeTableColumn<DominatorNode, Number> shallow = sizeColumn("Shallow", node -> node.isMore() ? Long.MIN_VALUE
                : node.object().shallowBytes());
        TreeTableColumn<DominatorNode, Number> retained = sizeColumn("Retained", node -> node.isMore()
                ? node.hiddenBytes() : node.object().retainedBytes());
        TreeTableColumn<DominatorNode, String> percent = new TreeTableColumn<>("% of heap");
        percent.setCellValueFactory(cell -> {
            DominatorNode node = cell.getValue().getValue();
            return new ReadOnlyStringWrapper(model.percentOfHeap(node.isMore() ? node.hiddenBytes()
                    : node.object().retainedBytes()));
        });
        percent.setStyle("-fx-alignment: CENTER-RIGHT;");
        percent.setPrefWidth(100);
        TreeTableColumn<DominatorNode, Number> children = new TreeTableColumn<>("Dominates");
        children.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().isMore()
                ? Long.MIN_VALUE : cell.getValue().getValue().childCount()));
        children.setCellFactory(c -> SizeCells.tree(SizeCells.Style.COUNT));
        children.setPrefWidth(100);
        tree.getColumns().add(object);
        tree.getColumns().add(shallow);
        tree.getColumns().add(retained);
        if (model.hasBase()) {
            TreeTableColumn<DominatorNode, Number> delta = new TreeTableColumn<>(model.deltaTitle());
            delta.setId("dominatorDeltaColumn");
            delta.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().retainedDelta()));
            delta.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE_DELTA));
            delta.setPrefWidth(140);
            dev.heapdelta.app.gui.controls.ColumnWidths.fitHeader(delta);
            delta.setSortable(false);
            tree.getColumns().add(delta);
        }
        tree.getColumns().add(percent);
        tree.getColumns().add(children);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        dev.heapdelta.app.gui.controls.ColumnWidths.fillFreeWidth(tree, object);
        tree.setRowFactory(view -> {
            TreeTableRow<DominatorNode> row = new TreeTableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    activate(row.getTreeItem());
                }
            });
            return row;
        });
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                activate(tree.getSelectionModel().getSelectedItem());
            }
        });
        return tree;
    }

    /** A "more" row loads the next page in its place; an object row opens the inspector. */
    private void activate(TreeItem<DominatorNode> item) {
        if (item == null) {
            return;
        }
        DominatorNode node = item.getValue();
        if (!node.isMore()) {
            model.inspect(node.object());
            return;
        }
        TreeItem<DominatorNode> parent = item.getParent();
        int at = parent.getChildren().indexOf(item);
        parent.getChildren().remove(at);
        List<TreeItem<DominatorNode>> more = model.childrenOf(node.parent(), node.shownBefore()).stream()
                .map(this::item).toList();
        parent.getChildren().addAll(at, more);
        tree.getSelectionModel().select(parent.getChildren().get(Math.min(at, parent.getChildren().size() - 1)));
    }

    private TreeItem<DominatorNode> item(DominatorNode node) {
        return new LazyTreeItem<>(node, parent -> parent.isMore() ? List.of()
                : model.childrenOf(parent.object().ref().object(), 0), leaf -> leaf.isMore() || leaf.childCount() == 0);
    }

    private static dev.heapdelta.app.gui.format.ObjectNames namesOf(DominatorNode node) {
        if (node.isMore()) {
            return new dev.heapdelta.app.gui.format.ObjectNames("… " + HumanSizes.count(node.hiddenCount())
                    + " smaller objects (double-click or Enter to list more)", "", "", "");
        }
        return node.object().names();
    }

    private static TreeTableColumn<DominatorNode, Number> sizeColumn(String title,
            java.util.function.ToLongFunction<DominatorNode> value) {
        TreeTableColumn<DominatorNode, Number> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue().getValue())));
        column.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE));
        column.setPrefWidth(100);
        column.setSortable(false);
        return column;
    }
}
