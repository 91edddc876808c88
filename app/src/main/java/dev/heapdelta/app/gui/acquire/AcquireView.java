package dev.heapdelta.app.gui.acquire;

import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.NodeProcess;
import dev.heapdelta.app.capture.TargetRuntime;
import dev.heapdelta.app.gui.controls.Labels;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Acquire heap dump" dialog: the target, the output, the options, Start and Cancel, the log. */
public final class AcquireView extends BorderPane {
    private final AcquireViewModel model;
    private final TextArea log = new TextArea();

    public AcquireView(AcquireViewModel model, Runnable close) {
        this.model = model;
        setId("acquireDialog");
        setPadding(new Insets(12));
        VBox form = new VBox(10, targetSection(), outputSection(), optionsSection());
        setTop(form);
        setCenter(logSection());
        setBottom(buttons(close));
    }

    /** Opens the dialog over {@code owner}; closing it while a capture runs cancels the capture. */
    public static Stage showDialog(Window owner, AcquireViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Acquire heap dump");
        AcquireView view = new AcquireView(model, stage::close);
        stage.setScene(new Scene(view, 760, 640));
        stage.setOnHidden(event -> model.cancel());
        stage.show();
        model.refreshProcesses();
        return stage;
    }

    private Node targetSection() {
        TargetFields target = model.target();
        ComboBox<TargetKind> kind = new ComboBox<>();
        kind.setId("targetKindChoice");
        kind.getItems().setAll(TargetKind.values());
        kind.valueProperty().bindBidirectional(target.kindProperty());

        ListView<JvmProcess> jvms = new ListView<>(model.jvms());
        jvms.setId("jvmList");
        jvms.setPrefHeight(110);
        jvms.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(JvmProcess jvm, boolean empty) {
                super.updateItem(jvm, empty);
                setText(empty || jvm == null ? null : jvm.pid() + "  " + jvm.displayName());
            }
        });
        jvms.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> target.jvmProperty().set(now));
        Button refresh = new Button("Refresh");
        refresh.setId("refreshProcessesButton");
        refresh.disableProperty().bind(model.listingProperty());
        refresh.setOnAction(event -> model.refreshProcesses());
        HBox jvmPane = new HBox(8, jvms, refresh);
        HBox.setHgrow(jvms, Priority.ALWAYS);

        TextField inspector = field("inspectorField", target.inspectorProperty(), "127.0.0.1:9229");
        CheckBox allowRemote = new CheckBox(
                "Allow a host that is not this machine (the inspector has no authentication)");
        allowRemote.setId("allowRemoteCheckBox");
        allowRemote.selectedProperty().bindBidirectional(target.allowRemoteProperty());
        VBox inspectorPane = new VBox(6, inspector, allowRemote);

        TextField signalPid = field("signalPidField", target.signalPidProperty(), "PID of a node started with "
                + "--heapsnapshot-signal=SIGUSR2");

        ComboBox<String> engine = new ComboBox<>();
        engine.setId("engineChoice");
        engine.getItems().setAll("docker", "podman");
        engine.valueProperty().bindBidirectional(target.engineProperty());
        HBox containerPane = new HBox(8, engine, field("containerField", target.containerProperty(),
                "container name or id"), runtimeChoice("containerRuntimeChoice"));

        HBox podPane = new HBox(8, field("podField", target.podProperty(), "pod"),
                field("namespaceField", target.namespaceProperty(), "namespace (optional)"),
                field("podContainerField", target.podContainerProperty(), "container (optional)"),
                runtimeChoice("podRuntimeChoice"));

        VBox signalPane = new VBox(6, signalPid, new Label("Node processes on this machine (choose one to fill in"
                + " its PID or inspector address):"), nodeList());
        StackPane details = new StackPane(jvmPane, inspectorPane, signalPane, containerPane, podPane);
        showFor(jvmPane, TargetKind.LOCAL_JVM);
        showFor(inspectorPane, TargetKind.NODE_INSPECTOR);
        showFor(signalPane, TargetKind.NODE_SIGNAL);
        showFor(containerPane, TargetKind.CONTAINER);
        showFor(podPane, TargetKind.KUBERNETES);
        return new VBox(6, new HBox(8, label("Target"), kind), details);
    }

    private ListView<NodeProcess> nodeList() {
        ListView<NodeProcess> nodes = new ListView<>(model.nodes());
        nodes.setId("nodeList");
        nodes.setPrefHeight(90);
        nodes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(NodeProcess node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.pid() + "  " + node.flags().describe() + "  "
                        + node.commandLine());
            }
        });
        nodes.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> model.chooseNode(now));
        return nodes;
    }

    private void showFor(Node pane, TargetKind kind) {
        pane.visibleProperty().bind(model.target().kindProperty().isEqualTo(kind));
        pane.managedProperty().bind(pane.visibleProperty());
    }

    private ComboBox<TargetRuntime> runtimeChoice(String id) {
        ComboBox<TargetRuntime> runtime = new ComboBox<>();
        runtime.setId(id);
        runtime.getItems().setAll(TargetRuntime.values());
        runtime.valueProperty().bindBidirectional(model.target().runtimeProperty());
        return runtime;
    }

    private Node outputSection() {
        TextField output = field("outputField", model.outputFileProperty(), "where the dump is written");
        Button browse = new Button("Save as…");
        browse.setId("browseOutputButton");
        browse.setOnAction(event -> chooseOutput());
        HBox row = new HBox(8, label("Output file"), output, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(output, Priority.ALWAYS);
        return row;
    }

    private void chooseOutput() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the heap dump as");
        String current = model.outputFileProperty().get();
        Path currentPath = current == null || current.isBlank() ? null : Path.of(current.trim()).toAbsolutePath();
        if (currentPath != null && currentPath.getParent() != null && currentPath.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(currentPath.getParent().toFile());
            chooser.setInitialFileName(currentPath.getFileName().toString());
        } else {
            chooser.setInitialFileName(model.suggestedFileName());
        }
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            model.outputFileProperty().set(chosen.getAbsolutePath());
        }
    }

    private Node optionsSection() {
        CheckBox live = new CheckBox("Live objects only (runs a full GC first; JVM)");
        live.setId("liveCheckBox");
        live.selectedProperty().bindBidirectional(model.liveOnlyProperty());
        CheckBox gzip = new CheckBox("Gzip");
        gzip.setId("gzipCheckBox");
        gzip.selectedProperty().bindBidirectional(model.gzipProperty());
        Spinner<Integer> count = new Spinner<>(1, 100, model.seriesCountProperty().get());
        count.setId("seriesCountSpinner");
        count.setEditable(true);
        count.setPrefWidth(80);
        count.valueProperty().addListener((o, old, now) -> model.seriesCountProperty().set(now));
        Spinner<Integer> every = new Spinner<>(1, 86_400, model.intervalSecondsProperty().get(), 60);
        every.setId("intervalSpinner");
        every.setEditable(true);
        every.setPrefWidth(100);
        every.valueProperty().addListener((o, old, now) -> model.intervalSecondsProperty().set(now));
        every.disableProperty().bind(model.seriesCountProperty().lessThan(2));
        HBox series = new HBox(8, label("Series"), count, new Label("dumps, every"), every, new Label("seconds"));
        series.setAlignment(Pos.CENTER_LEFT);
        HBox options = new HBox(16, live, gzip);
        VBox box = new VBox(8, options, series);
        box.disableProperty().bind(model.runningProperty());
        return box;
    }

    private Node logSection() {
        log.setId("captureLog");
        log.setEditable(false);
        log.setWrapText(false);
        log.setStyle("-fx-font-family: monospace;");
        for (String line : model.log()) {
            log.appendText(line + "\n");
        }
        model.log().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                StringBuilder added = new StringBuilder();
                for (String line : change.getAddedSubList()) {
                    added.append(line).append('\n');
                }
                log.appendText(added.toString());
            }
        });
        ProgressBar bar = new ProgressBar();
        bar.setId("captureProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label size = Labels.styled("", "text-muted");
        size.setId("captureSizeLabel");
        size.textProperty().bind(model.sizeTextProperty());
        HBox progressRow = new HBox(8, bar, size);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox box = new VBox(6, label("Commands and output"), log, progressRow);
        VBox.setVgrow(log, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 10, 0));
        return box;
    }

    private Node buttons(Runnable close) {
        Label status = new Label();
        status.setId("captureStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Button start = new Button("Start");
        start.setId("startButton");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(event -> {
            if (model.outputFileProperty().get() == null || model.outputFileProperty().get().isBlank()) {
                chooseOutput();
            }
            model.start();
        });
        Button open = new Button("Open in HeapDelta");
        open.setId("openCapturedButton");
        open.disableProperty().bind(Bindings.isEmpty(model.captured()).or(model.runningProperty()));
        open.setOnAction(event -> {
            model.openCaptured();
            close.run();
        });
        Button cancel = new Button();
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(Bindings.when(model.runningProperty()).then("Cancel").otherwise("Close"));
        cancel.setOnAction(event -> {
            if (model.runningProperty().get()) {
                model.cancel();
            } else {
                close.run();
            }
        });
        // The buttons keep their width and the status wraps beside them: a long message once squeezed them to "Op…".
        for (Button button : List.of(open, start, cancel)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, status, open, start, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(80);
        return label;
    }
}
