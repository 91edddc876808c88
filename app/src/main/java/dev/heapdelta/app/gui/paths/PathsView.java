package dev.heapdelta.app.gui.paths;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.SizeCells;
import dev.heapdelta.app.gui.format.HumanSizes;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Path to GC roots, root-first, as a tree table; for a class, the merged paths with instance counts. */
public final class PathsView extends BorderPane {
    /** Branches are opened this deep on arrival; a single path is opened whole. */
    private static final int EXPAND_DEPTH = 12;

    private final PathsViewModel model;
    private final TreeTableView<PathNode> tree = new TreeTableView<>();

    public PathsView(PathsViewModel model) {
        this.model = model;
        setId("pathsView");
        setTop(header());
        setCenter(tree());
        model.rootsProperty().addListener((o, old, roots) -> show(roots));
        show(model.rootsProperty().get());
    }

    private VBox header() {
        Label title = Labels.styled(model.title(), "title-3");
        title.setId("pathsTitle");
        title.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(model.loadingProperty());
        Label summary = Labels.styled("", "text-muted");
        summary.setId("pathsSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox status = new HBox(8, busy, summary);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(8, title, status);
        TextField key = Labels.selectable("", "path-key");
        key.setId("pathKeyLabel");
        key.textProperty().bind(model.pathKeyProperty());
        key.visibleProperty().bind(model.pathKeyProperty().isNotEmpty());
        key.managedProperty().bind(key.visibleProperty());
        header.getChildren().add(key);
        header.getChildren().add(new PathExclusionsBar(model));
        header.getChildren().add(new HBox(8,
                action("Inspect", Feather.SEARCH, "pathInspectButton", model::inspect),
                action("Dominator tree", Feather.GIT_MERGE, "pathDominatorsButton", model::openDominators)));
        header.setPadding(new Insets(12));
        return header;
    }

    private Button action(String text, Feather icon, String id, Consumer<PathNode> command) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(event -> {
            TreeItem<PathNode> item = tree.getSelectionModel().getSelectedItem();
            if (item != null) {
                command.accept(item.getValue());
            }
        });
        return button;
    }

    private TreeTableView<PathNode> tree() {
        tree.setId("pathTree");
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label(""));
        TreeTableColumn<PathNode, String> object = new TreeTableColumn<>("Object (root first)");
        object.setCellValueFactory(cell -> new ReadOnlyStringWrapper(textOf(cell.getValue().getValue())));
        object.setPrefWidth(model.merged() ? 480 : 620);
        TreeTableColumn<PathNode, String> field = new TreeTableColumn<>("Reached via");
        field.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue().edge()));
        field.setPrefWidth(140);
        TreeTableColumn<PathNode, String> root = new TreeTableColumn<>("GC root");
        root.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue().rootKinds()));
        root.setPrefWidth(130);
        tree.getColumns().add(object);
        tree.getColumns().add(field);
        if (model.merged()) {
            TreeTableColumn<PathNode, Number> objects = new TreeTableColumn<>("Instances");
            objects.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()
                    .referencedObjects()));
            objects.setCellFactory(c -> SizeCells.tree(SizeCells.Style.COUNT));
            objects.setPrefWidth(100);
            TreeTableColumn<PathNode, Number> refShallow = new TreeTableColumn<>("Their shallow size");
            refShallow.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()
                    .referencedShallowBytes()));
            refShallow.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE));
            refShallow.setPrefWidth(130);
            tree.getColumns().add(objects);
            tree.getColumns().add(refShallow);
        }
        TreeTableColumn<PathNode, Number> shallow = new TreeTableColumn<>("Shallow");
        shallow.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().isMore()
                ? Long.MIN_VALUE : cell.getValue().getValue().object().shallowBytes()));
        shallow.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE));
        TreeTableColumn<PathNode, Number> retained = new TreeTableColumn<>("Retained");
        retained.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue().isMore()
                ? Long.MIN_VALUE : cell.getValue().getValue().object().retainedBytes()));
        retained.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE));
        shallow.setPrefWidth(100);
        retained.setPrefWidth(100);
        TreeTableColumn<PathNode, String> percent = new TreeTableColumn<>("% of heap");
        percent.setCellValueFactory(cell -> new ReadOnlyStringWrapper(model.percentOfHeap(cell.getValue().getValue())));
        percent.setStyle("-fx-alignment: CENTER-RIGHT;");
        percent.setPrefWidth(100);
        tree.getColumns().add(shallow);
        tree.getColumns().add(retained);
        tree.getColumns().add(percent);
        tree.getColumns().add(root);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.setRowFactory(view -> {
            TreeTableRow<PathNode> row = new TreeTableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.inspect(row.getItem());
                }
            });
            return row;
        });
        tree.setOnKeyPressed(event -> {
            TreeItem<PathNode> item = tree.getSelectionModel().getSelectedItem();
            if (item != null && event.getCode() == KeyCode.ENTER) {
                model.inspect(item.getValue());
            }
        });
        return tree;
    }

    private void show(List<PathNode> roots) {
        TreeItem<PathNode> top = new TreeItem<>();
        for (int i = 0; i < roots.size(); i++) {
            top.getChildren().add(item(roots.get(i), 0, i == 0));
        }
        tree.setRoot(top);
        if (!roots.isEmpty()) {
            TreeItem<PathNode> deepest = top.getChildren().get(0);
            while (!deepest.getChildren().isEmpty() && deepest.isExpanded()) {
                deepest = deepest.getChildren().get(0);
            }
            tree.getSelectionModel().select(deepest);
        }
    }

    /**
     * A merged tree opens only its heaviest branch (each row's first child, the one reaching most
     * instances): opening every row would open each of a map's thousands of buckets.
     */
    private TreeItem<PathNode> item(PathNode node, int depth, boolean heaviest) {
        TreeItem<PathNode> item = new TreeItem<>(node);
        for (int i = 0; i < node.children().size(); i++) {
            item.getChildren().add(item(node.children().get(i), depth + 1, heaviest && i == 0));
        }
        item.setExpanded(!model.merged() || heaviest && depth < EXPAND_DEPTH);
        return item;
    }

    private String textOf(PathNode node) {
        if (node.isMore()) {
            return model.merged() ? "… " + HumanSizes.count(node.hiddenChildren()) + " more branches"
                    : "… " + HumanSizes.count(node.hiddenChildren()) + " more references along the path";
        }
        return node.object().title();
    }
}
