package dev.heapdelta.app.gui.welcome;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.PulseQueue;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The start screen: pick the baseline, the target and later snapshots, or open the bundled example. */
public final class WelcomeView extends BorderPane {
    private final WelcomeViewModel model;
    /**
     * One tooltip per kind of row button, shared by every row: each tooltip is a popup with a scene of its
     * own, and making nine of them when a series was chosen was most of the cost of its rows.
     */
    private final javafx.scene.control.Tooltip earlierTip = new javafx.scene.control.Tooltip("Move earlier");
    private final javafx.scene.control.Tooltip laterTip = new javafx.scene.control.Tooltip("Move later");
    private final javafx.scene.control.Tooltip removeTip = new javafx.scene.control.Tooltip("Remove");

    /**
     * @param onOpen opens the chosen files
     * @param onExample opens the bundled Java example
     * @param onNodeExample opens the bundled Node.js example
     */
    public WelcomeView(WelcomeViewModel model, Runnable onOpen, Runnable onExample, Runnable onNodeExample) {
        this.model = model;
        setId("welcomeView");
        getStyleClass().add("welcome");
        setPadding(new Insets(32, 48, 32, 48));

        Label title = Labels.styled("HeapDelta", "title-1");
        Label subtitle = Labels.styled("Compare heap dumps of one process and see what leaked. HPROF (.hprof) and "
                + "V8 (.heapsnapshot), gzipped or not.", "text-muted");
        subtitle.setWrapText(true);
        VBox header = new VBox(4, title, subtitle);
        header.setPadding(new Insets(0, 0, 24, 0));
        setTop(header);

        setCenter(chosenPane(onOpen));
        setRight(sidePane(onExample, onNodeExample));
    }

    private VBox chosenPane(Runnable onOpen) {
        Label heading = Labels.styled("Snapshots to compare", "title-4");
        Label hint = Labels.styled("Oldest first. Drop dump files anywhere in this window.", "text-muted");

        ListView<Path> list = new ListView<>(shownLater(model.chosenFiles()));
        list.setId("chosenFiles");
        list.setPlaceholder(dropZone());
        list.setCellFactory(view -> new ChosenFileCell());
        list.setOnKeyPressed(event -> {
            Path selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE)) {
                model.remove(selected);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button baseline = button("Open baseline…", Feather.FOLDER, "openBaselineButton",
                () -> chooseOne("Open the baseline dump (the older one)").ifPresent(model::chooseBaseline));
        Button target = button("Open target…", Feather.FOLDER_PLUS, "openTargetButton",
                () -> chooseOne("Open the target dump (the newer one)").ifPresent(model::chooseTarget));
        Button add = button("Add snapshot…", Feather.PLUS, "addSnapshotButton",
                () -> chooseMany("Add later snapshots").forEach(model::addSnapshot));
        Button clear = button("Clear", Feather.X, "clearButton", model::clear);
        clear.disableProperty().bind(Bindings.isEmpty(model.chosenFiles()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button compare = button("Compare", Feather.PLAY, "compareButton", onOpen);
        compare.getStyleClass().add("accent");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(model.canOpenProperty().not());
        compare.textProperty().bind(Bindings.when(Bindings.size(model.chosenFiles()).isEqualTo(1))
                .then("Analyse").otherwise("Compare"));
        HBox buttons = new HBox(8, baseline, target, add, clear, spacer, compare);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, heading, hint, list, buttons);
        pane.setPadding(new Insets(0, 24, 0, 0));
        return pane;
    }

    /**
     * A copy of {@code files} that follows it one pulse later. "Open example" and "Compare" change the
     * list and show the loading card in the same event; the list's rows are then made in a pulse of their
     * own, not in the one that first lays out and paints the card.
     */
    private ObservableList<Path> shownLater(ObservableList<Path> files) {
        ObservableList<Path> shown = FXCollections.observableArrayList(files);
        PulseQueue updates = new PulseQueue(this);
        boolean[] queued = {false};
        files.addListener((ListChangeListener<Path>) change -> {
            if (!queued[0]) {
                queued[0] = true;
                updates.add(() -> {
                    queued[0] = false;
                    shown.setAll(files);
                });
            }
        });
        return shown;
    }

    private VBox sidePane(Runnable onExample, Runnable onNodeExample) {
        Label exampleHeading = Labels.styled("New here?", "title-4");
        Label exampleText = Labels.styled("Three snapshots of a small Java service that leaks sessions, listeners "
                + "and queued work, or of a Node.js service with six classic leaks.", "text-muted");
        exampleText.setWrapText(true);
        exampleText.setMinHeight(Region.USE_PREF_SIZE);
        Button example = button("Open example", Feather.ZAP, "openExampleButton", onExample);
        example.getStyleClass().addAll("accent", "button-outlined");
        example.setMaxWidth(Double.MAX_VALUE);
        Button nodeExample = button("Open Node.js example", Feather.ZAP, "openNodeExampleButton", onNodeExample);
        nodeExample.getStyleClass().add("button-outlined");
        nodeExample.setMaxWidth(Double.MAX_VALUE);
        nodeExample.setTooltip(new javafx.scene.control.Tooltip("Three snapshots of a Node.js service with six "
                + "leaks: a Map cache, listeners, closures holding requests, an array, hanging promises, an object cache"));

        Label recentHeading = Labels.styled("Recent files", "title-4");
        ListView<Path> recent = new ListView<>(model.recentFiles());
        recent.setId("recentFiles");
        recent.setPlaceholder(Labels.styled("Files you open are listed here.", "text-muted"));
        recent.setCellFactory(view -> new RecentFileCell());
        recent.setOnMouseClicked(event -> {
            Path selected = recent.getSelectionModel().getSelectedItem();
            if (selected != null && event.getClickCount() == 2) {
                model.addSnapshot(selected);
            }
        });
        recent.setOnKeyPressed(event -> {
            Path selected = recent.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                model.addSnapshot(selected);
            } else if (selected != null && event.getCode() == KeyCode.DELETE) {
                model.forget(selected);
            }
        });
        recent.setTooltip(new javafx.scene.control.Tooltip("Double-click or Enter adds a file to the series; "
                + "Delete forgets it"));
        VBox.setVgrow(recent, Priority.ALWAYS);

        VBox pane = new VBox(8, exampleHeading, exampleText, example, nodeExample, new Region(), recentHeading,
                recent);
        pane.setPrefWidth(380);
        pane.setMinWidth(300);
        return pane;
    }

    private Label dropZone() {
        Label label = Labels.styled("Drop .hprof or .heapsnapshot files here,\nor use the buttons below.",
                "drop-zone", "text-muted");
        label.setGraphic(Icons.of(Feather.DOWNLOAD));
        label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static Button button(String text, Feather icon, String id, Runnable action) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private java.util.Optional<Path> chooseOne(String title) {
        File file = chooser(title).showOpenDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    private List<Path> chooseMany(String title) {
        List<File> files = chooser(title).showOpenMultipleDialog(getScene().getWindow());
        return files == null ? List.of() : files.stream().map(File::toPath).sorted().toList();
    }

    static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Heap dumps", "*.hprof", "*.hprof.gz", "*.heapsnapshot",
                        "*.heapsnapshot.gz", "*.heaptimeline", "*.android-hprof", "*.gz", "*.bin"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    /** Consumes the files of a file chooser opened from a menu. */
    public static void chooseFromMenu(javafx.stage.Window owner, String title, Consumer<List<Path>> onChosen) {
        List<File> files = chooser(title).showOpenMultipleDialog(owner);
        if (files != null && !files.isEmpty()) {
            onChosen.accept(files.stream().map(File::toPath).sorted().toList());
        }
    }

    /**
     * One chosen file: its role, name, folder and buttons. The row is made once per cell, when the cell
     * first shows a file (the list also makes cells for the empty rows below), and then only its texts
     * change: the list calls {@code updateItem} on every cell whenever the files change, and making new
     * controls there each time cost the FX thread a long pulse when a series was opened.
     */
    private final class ChosenFileCell extends ListCell<Path> {
        private Label role;
        private Label name;
        private Label folder;
        private Button up;
        private Button down;
        private HBox row;

        @Override
        protected void updateItem(Path file, boolean empty) {
            super.updateItem(file, empty);
            setText(null);
            if (empty || file == null) {
                setGraphic(null);
                return;
            }
            if (row == null) {
                makeRow();
            }
            int index = getIndex();
            role.setText(WelcomeViewModel.roleOf(index));
            name.setText(file.getFileName() == null ? file.toString() : file.getFileName().toString());
            Path parent = file.toAbsolutePath().getParent();
            folder.setText(parent == null ? "" : parent.toString());
            up.setDisable(index == 0);
            down.setDisable(index == getListView().getItems().size() - 1);
            setGraphic(row);
        }

        private void makeRow() {
            role = Labels.styled("", "role-chip");
            role.setMinWidth(Region.USE_PREF_SIZE);
            name = Labels.styled("", "file-name");
            folder = Labels.styled("", "text-muted", "text-small");
            VBox text = new VBox(0, name, folder);
            HBox.setHgrow(text, Priority.ALWAYS);
            up = small(Feather.ARROW_UP, earlierTip, () -> model.moveUp(getIndex()));
            down = small(Feather.ARROW_DOWN, laterTip, () -> model.moveDown(getIndex()));
            Button remove = small(Feather.TRASH_2, removeTip, () -> {
                if (getItem() != null) {
                    model.remove(getItem());
                }
            });
            row = new HBox(10, role, text, up, down, remove);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        private Button small(Feather icon, javafx.scene.control.Tooltip tooltip, Runnable action) {
            Button button = new Button(null, Icons.of(icon));
            button.getStyleClass().addAll("flat", "button-icon");
            button.setTooltip(tooltip);
            button.setOnAction(event -> action.run());
            return button;
        }
    }

    private static final class RecentFileCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path file, boolean empty) {
            super.updateItem(file, empty);
            if (empty || file == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(file.getFileName() == null ? file.toString() : file.getFileName().toString());
            Label folder = Labels.styled(file.getParent() == null ? "" : file.getParent().toString(), "text-muted",
                    "text-small");
            setGraphic(new VBox(0, name, folder));
            setText(null);
        }
    }
}
