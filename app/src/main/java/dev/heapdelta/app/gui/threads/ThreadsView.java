package dev.heapdelta.app.gui.threads;

import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.LazyTreeItem;
import dev.heapdelta.app.gui.controls.SizeCells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import java.util.List;

/**
 * MAT's Thread Overview: each thread with its state and retained size, its stack as jstack writes it,
 * and under each frame the objects it pins; a double-click (or Enter) opens a thread or local in the inspector.
 */
public final class ThreadsView extends BorderPane {
    private final ThreadsViewModel model;
    private final TreeTableView<ThreadLine> tree = new TreeTableView<>();

    public ThreadsView(ThreadsViewModel model) {
        this.model = model;
        setId("threadsView");
        setTop(header());
        setCenter(tree());
        model.threadsProperty().addListener((o, old, lines) -> show(lines));
        show(model.threadsProperty().get());
    }

    private HBox header() {
        Label title = Labels.styled("Threads", "title-3");
        ComboBox<String> snapshots = new ComboBox<>();
        snapshots.setId("threadsSnapshot");
        snapshots.getItems().setAll(model.snapshotNames());
        snapshots.getSelectionModel().select(model.snapshot());
        snapshots.setOnAction(event -> model.showSnapshot(snapshots.getSelectionModel().getSelectedIndex()));
        Label status = Labels.styled("", "text-muted");
        status.setId("threadsStatus");
        status.textProperty().bind(model.statusProperty());
        HBox header = new HBox(12, title, snapshots, status);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12));
        return header;
    }

    private TreeTableView<ThreadLine> tree() {
        tree.setId("threadsTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<ThreadLine, String> text = new TreeTableColumn<>("Thread, frame or local");
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().text()));
        text.setCellFactory(c -> new TreeTableCell<>() {
            // A synthetic class's name (a lambda's, with its address) can be wider than a small window.
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        text.setPrefWidth(760);
        TreeTableColumn<ThreadLine, String> state = new TreeTableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().state()));
        state.setPrefWidth(120);
        TreeTableColumn<ThreadLine, Number> retained = new TreeTableColumn<>("Retained");
        retained.setCellValueFactory(c -> {
            long bytes = c.getValue().getValue().retainedBytes();
            return new ReadOnlyObjectWrapper<>(bytes < 0 ? null : bytes);
        });
        retained.setCellFactory(c -> SizeCells.tree(SizeCells.Style.SIZE));
        retained.setPrefWidth(110);
        TreeTableColumn<ThreadLine, String> id = new TreeTableColumn<>("Id");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().id()));
        id.setPrefWidth(140);
        tree.getColumns().setAll(List.of(text, state, retained, id));
        tree.setRowFactory(t -> {
            TreeTableRow<ThreadLine> row = new TreeTableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        tree.setOnKeyPressed(event -> {
            TreeItem<ThreadLine> selected = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                model.open(selected.getValue());
            }
        });
        tree.setPlaceholder(new Label("No threads yet"));
        return tree;
    }

    private void show(List<ThreadLine> lines) {
        TreeItem<ThreadLine> root = new TreeItem<>();
        for (ThreadLine line : lines) {
            root.getChildren().add(new LazyTreeItem<>(line, ThreadLine::children, ThreadLine::isLeaf));
        }
        tree.setRoot(root);
        if (!root.getChildren().isEmpty()) {
            TreeItem<ThreadLine> first = root.getChildren().get(0);
            first.setExpanded(true);
            first.getChildren().forEach(frame -> frame.setExpanded(!frame.isLeaf()));
        }
    }
}
