package dev.heapdelta.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.loading.LoadFailure;
import dev.heapdelta.app.gui.loading.LoadingView;
import dev.heapdelta.app.gui.loading.LoadingViewModel;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.welcome.WelcomeView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The window's content: menu, navigation bar, the current place's view, the loading card and the status line. */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final PlaceViews places;
    private final StackPane content = new StackPane();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private java.util.function.Consumer<String> linkOpener = link -> { };
    private final ToggleGroup sections = new ToggleGroup();
    private final ToggleButton overviewToggle = section("Overview", Feather.HOME, "overviewToggle");
    private final ToggleButton classesToggle = section("Classes", Feather.LIST, "classesToggle");
    private final ToggleButton dominatorsToggle = section("Dominator tree", Feather.GIT_MERGE, "dominatorTreeToggle");
    private final ToggleButton oqlToggle = section("OQL", Feather.TERMINAL, "oqlToggle");
    private final ToggleButton threadsToggle = section("Threads", Feather.CPU, "threadsToggle");
    private final ToggleButton inspectionsToggle = section("Inspections", Feather.LAYERS, "inspectionsToggle");

    public MainView(MainViewModel model) {
        this.model = model;
        setId("mainView");
        WelcomeView welcome = new WelcomeView(model.welcome(), model::openChosen, model::openExample,
                () -> model.openExample(dev.heapdelta.samples.Examples.Platform.NODE));
        this.places = new PlaceViews(model, welcome);
        setTop(new VBox(menuBar(), navigationBar()));
        StackPane center = new StackPane(content, new LoadingView(model.loading()));
        setCenter(center);
        setBottom(statusBar());
        model.setFailureHandler(this::showFailure);
        model.processWarningProperty().addListener((o, old, warning) -> {
            if (!warning.isEmpty()) {
                showProcessWarning(warning);
            }
        });
        model.navigator().currentProperty().addListener((o, old, place) -> show(place));
        // A comparison replaced while its overview is shown (its suspects rescanned for code sites) leaves the
        // place equal, so the navigator reports no change: the overview is redrawn here.
        model.comparisonProperty().addListener((o, old, now) -> {
            if (now != null && model.navigator().current() instanceof Place.Overview) {
                show(model.navigator().current());
            }
        });
        dark.addListener((o, old, now) -> {
            Application.setUserAgentStylesheet(now ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            show(model.navigator().current());
        });
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                List<Path> files = event.getDragboard().getFiles().stream().map(File::toPath).toList();
                // The dialog waits for the user: it must not run inside the drop's event handling.
                javafx.application.Platform.runLater(() -> filesDropped(files));
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
        show(model.navigator().current());
    }

    private void show(Place place) {
        Node view;
        try {
            view = places.viewOf(place, dark.get());
        } catch (RuntimeException | InternalError e) {
            // A view reads its object's name as it is made: a dump cut under the app fails it there.
            java.util.Optional<LoadFailure> cut = LoadingViewModel.cutUnderTheApp(PlaceViews.titleOf(place), e);
            if (cut.isEmpty()) {
                throw e;
            }
            showFailure(cut.get());
            return;
        }
        content.getChildren().setAll(view);
        boolean open = model.comparisonProperty().get() != null;
        overviewToggle.setDisable(!open);
        classesToggle.setDisable(!open);
        dominatorsToggle.setDisable(!open);
        threadsToggle.setDisable(!open);
        inspectionsToggle.setDisable(!open);
        sections.selectToggle(place instanceof Place.Overview ? overviewToggle
                : place instanceof Place.Classes ? classesToggle
                : place instanceof Place.Threads ? threadsToggle
                : place instanceof Place.Inspections ? inspectionsToggle
                : place instanceof Place.Dominators d && d.from() == null ? dominatorsToggle
                : place instanceof Place.Oql ? oqlToggle : null);
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle("HeapDelta — " + PlaceViews.titleOf(place));
        }
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open dumps…", "openMenuItem", new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN), () -> WelcomeView.chooseFromMenu(getScene().getWindow(),
                "Open heap dumps (oldest first)", this::openOrAdd));
        MenuItem add = item("Add snapshot to the series…", "addMenuItem", null,
                () -> WelcomeView.chooseFromMenu(getScene().getWindow(), "Add later snapshots",
                        model::addToComparison));
        add.disableProperty().bind(model.comparisonProperty().isNull());
        MenuItem example = item("Open example", "exampleMenuItem", null, model::openExample);
        MenuItem nodeExample = item("Open Node.js example", "nodeExampleMenuItem", null,
                () -> model.openExample(dev.heapdelta.samples.Examples.Platform.NODE));
        MenuItem acquire = item("Acquire heap dump…", "acquireMenuItem", null, () ->
                dev.heapdelta.app.gui.acquire.AcquireView.showDialog(getScene().getWindow(), model.acquire()));
        Menu recent = new Menu("Open recent");
        recent.setId("recentMenu");
        recent.setOnShowing(event -> fillRecent(recent));
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem applicationClasses = item("Application classes…", "applicationClassesMenuItem", null,
                () -> dev.heapdelta.app.gui.codesites.ApplicationClassesDialog.show(getScene().getWindow(),
                        model.applicationClasses(), model::setApplicationClasses));
        applicationClasses.disableProperty().bind(model.comparisonProperty().isNull()
                .or(model.suspectsPendingProperty()));
        MenuItem export = item("Export report…", "exportMenuItem", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN), this::exportReport);
        MenuItem copyJson = item("Copy as JSON", "copyJsonMenuItem", new KeyCodeCombination(KeyCode.C,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::copyJson);
        // The report holds the suspects: while they are searched, the overview says so and these wait.
        export.disableProperty().bind(model.comparisonProperty().isNull().or(model.suspectsPendingProperty()));
        copyJson.disableProperty().bind(model.comparisonProperty().isNull().or(model.suspectsPendingProperty()));
        MenuItem welcome = item("Start page", "welcomeMenuItem", null, model::showWelcome);
        MenuItem quit = item("Quit", "quitMenuItem", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, add, example, nodeExample, recent, acquire, new SeparatorMenuItem(),
                applicationClasses, export,
                copyJson, new SeparatorMenuItem(), welcome, quit);

        MenuItem overview = item("Overview", "overviewMenuItem", new KeyCodeCombination(KeyCode.DIGIT1,
                KeyCombination.SHORTCUT_DOWN), model::showOverview);
        MenuItem classes = item("Classes", "classesMenuItem", new KeyCodeCombination(KeyCode.DIGIT2,
                KeyCombination.SHORTCUT_DOWN), model::showClasses);
        MenuItem dominators = item("Dominator tree", "dominatorsMenuItem", new KeyCodeCombination(KeyCode.DIGIT3,
                KeyCombination.SHORTCUT_DOWN), model::showDominatorTree);
        MenuItem oql = item("OQL console", "oqlMenuItem", new KeyCodeCombination(KeyCode.DIGIT4,
                KeyCombination.SHORTCUT_DOWN), model::showOql);
        MenuItem find = item("Filter classes", "filterMenuItem", new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), this::focusClassFilter);
        MenuItem goTo = item("Go to object…", "goToObjectMenuItem", new KeyCodeCombination(KeyCode.G,
                KeyCombination.SHORTCUT_DOWN), this::goToObject);
        goTo.disableProperty().bind(model.comparisonProperty().isNull());
        MenuItem back = item("Back", "backMenuItem", new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN),
                model::back);
        back.disableProperty().bind(model.navigator().canGoBackProperty().not());
        MenuItem forward = item("Forward", "forwardMenuItem", new KeyCodeCombination(KeyCode.RIGHT,
                KeyCombination.ALT_DOWN), model::forward);
        forward.disableProperty().bind(model.navigator().canGoForwardProperty().not());
        CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
        darkTheme.setId("darkThemeMenuItem");
        darkTheme.selectedProperty().bindBidirectional(dark);
        CheckMenuItem weak = new CheckMenuItem("Weak and soft references do not retain");
        weak.setId("weakRefsMenuItem");
        weak.setSelected(model.weakReferencesIgnoredProperty().get());
        weak.setOnAction(event -> model.setWeakReferencesIgnored(weak.isSelected()));
        Menu view = new Menu("View", null, overview, classes, dominators, oql, find, goTo, new SeparatorMenuItem(),
                back, forward, new SeparatorMenuItem(), weak, darkTheme);

        MenuItem shortcuts = item("Keyboard shortcuts", "shortcutsMenuItem", null, () -> showTable(
                "Keyboard shortcuts", "shortcutsDialog", dev.heapdelta.app.gui.help.HelpTopics.shortcuts()));
        MenuItem kinds = item("Suspect kinds explained", "suspectKindsMenuItem", null, () -> showTable(
                "What each kind of suspect means", "suspectKindsDialog",
                dev.heapdelta.app.gui.help.HelpTopics.suspectKinds()));
        Menu readme = new Menu("README");
        readme.setId("readmeMenu");
        for (String section : dev.heapdelta.app.gui.help.HelpTopics.readmeSections()) {
            readme.getItems().add(item(section, null, null, () -> openReadme(section)));
        }
        MenuItem about = item("About HeapDelta", "aboutMenuItem", null, this::showAbout);
        Menu help = new Menu("Help", null, shortcuts, kinds, readme, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar navigationBar() {
        Button back = new Button(null, Icons.of(Feather.ARROW_LEFT));
        back.setId("backButton");
        back.setTooltip(new Tooltip("Back (Alt+Left)"));
        back.setOnAction(event -> model.back());
        back.disableProperty().bind(model.navigator().canGoBackProperty().not());
        Button forward = new Button(null, Icons.of(Feather.ARROW_RIGHT));
        forward.setId("forwardButton");
        forward.setTooltip(new Tooltip("Forward (Alt+Right)"));
        forward.setOnAction(event -> model.forward());
        forward.disableProperty().bind(model.navigator().canGoForwardProperty().not());
        Button home = new Button(null, Icons.of(Feather.FOLDER));
        home.setId("homeButton");
        home.setTooltip(new Tooltip("Start page: choose dumps"));
        home.setOnAction(event -> model.showWelcome());
        overviewToggle.setOnAction(event -> model.showOverview());
        classesToggle.setOnAction(event -> model.showClasses());
        dominatorsToggle.setOnAction(event -> model.showDominatorTree());
        oqlToggle.setOnAction(event -> model.showOql());
        threadsToggle.setOnAction(event -> model.showThreads());
        inspectionsToggle.setOnAction(event -> model.showInspections());
        HBox sectionsBox = new HBox(4, overviewToggle, classesToggle, dominatorsToggle, oqlToggle, threadsToggle,
                inspectionsToggle);
        Label place = Labels.styled("", "place-title");
        place.setId("placeTitle");
        place.textProperty().bind(model.navigator().currentProperty().map(PlaceViews::titleOf));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(back, forward, home, new javafx.scene.control.Separator(), sectionsBox,
                new javafx.scene.control.Separator(), place, spacer);
        bar.setId("navigationBar");
        return bar;
    }

    private ToggleButton section(String text, Feather icon, String id) {
        ToggleButton toggle = new ToggleButton(text, Icons.of(icon));
        toggle.setId(id);
        toggle.setToggleGroup(sections);
        // A section button shows where the user is; it cannot be un-pressed into nowhere.
        toggle.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, event -> {
            if (toggle.isSelected()) {
                event.consume();
            }
        });
        return toggle;
    }

    private HBox statusBar() {
        Label status = Labels.styled("", "text-muted", "text-small");
        status.setId("statusText");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void fillRecent(Menu menu) {
        List<Path> files = model.welcome().recentFiles();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            menu.getItems().setAll(none);
            return;
        }
        menu.getItems().setAll(files.stream().map(file -> item(file.toString(), null, null,
                () -> model.open(List.of(file)))).toList());
    }

    private void focusClassFilter() {
        model.showClasses();
        if (places.classesIfShown() != null) {
            places.classesIfShown().focusFilter();
        }
    }

    /** Asks for an id ({@code 0x…} or {@code @…}) and opens its object; says so in the dialog if there is none. */
    private void goToObject() {
        if (model.comparisonProperty().get() == null) {
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
        ask.setTitle("HeapDelta");
        ask.setHeaderText("Go to object");
        ask.getDialogPane().setId("goToObjectDialog");
        ask.getEditor().setId("goToObjectField");
        ask.initOwner(getScene().getWindow());
        Label problem = Labels.styled("", "danger-text");
        problem.setId("goToObjectProblem");
        problem.setWrapText(true);
        HBox field = new HBox(8, new Label("Id (0x1a2b… or @12345):"), ask.getEditor());
        field.setAlignment(Pos.CENTER_LEFT);
        ask.getDialogPane().setContent(new VBox(8, field, problem));
        javafx.scene.Node okButton = ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String why = model.goToObject(ask.getEditor().getText());
            if (!why.isEmpty()) {
                problem.setText(why);
                event.consume();
            }
        });
        ask.show();
    }

    /** Files dropped on the window: on the start page they join its list; over a comparison, the user chooses. */
    void filesDropped(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (model.asksBeforeOpening()) {
            openOrAdd(files);
        } else {
            model.dropFiles(files);
        }
    }

    /**
     * With a comparison open, asks whether {@code files} start a new comparison (the default: dumps of another
     * process added to a series would make a false trend) or join the open one.
     */
    private void openOrAdd(List<Path> files) {
        if (!model.asksBeforeOpening()) {
            model.open(files);
            return;
        }
        javafx.scene.control.ButtonType fresh = new javafx.scene.control.ButtonType("New comparison",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType join = new javafx.scene.control.ButtonType("Add to this one",
                javafx.scene.control.ButtonBar.ButtonData.OTHER);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", fresh, join, javafx.scene.control.ButtonType.CANCEL);
        ask.setTitle("HeapDelta");
        ask.setHeaderText("Open " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " dumps")
                + " as a new comparison, or add to the open one?");
        Label text = new Label("Add only later dumps of the same process: the snapshots are compared in order, oldest"
                + " first. A new comparison closes the open one.");
        text.setWrapText(true);
        text.setPrefWidth(460);
        ask.getDialogPane().setContent(text);
        ask.getDialogPane().setId("openDroppedDialog");
        ask.getDialogPane().lookupButton(fresh).setId("newComparisonButton");
        ask.getDialogPane().lookupButton(join).setId("addToComparisonButton");
        ask.initOwner(getScene().getWindow());
        ask.showAndWait().ifPresent(choice -> {
            if (choice == fresh) {
                model.open(files);
            } else if (choice == join) {
                model.addToComparison(files);
            }
        });
    }

    private void showProcessWarning(String warning) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.setTitle("HeapDelta");
        alert.setHeaderText("Different processes?");
        Label text = new Label(warning);
        text.setWrapText(true);
        text.setPrefWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("processWarningDialog");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    private void copyJson() {
        String json = model.copyReportJson();
        if (!json.isEmpty()) {
            ClipboardContent clipboard = new ClipboardContent();
            clipboard.putString(json);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(clipboard);
        }
    }

    /**
     * Asks whether string contents may appear (they can hold tokens and personal data, so they are
     * redacted unless the user ticks the box), then where to save, then writes in the background.
     */
    private void exportReport() {
        if (model.comparisonProperty().get() == null) {
            return;
        }
        javafx.scene.control.CheckBox includeStrings = new javafx.scene.control.CheckBox(
                "Include string contents (they may hold tokens, passwords or personal data)");
        includeStrings.setId("includeStringsCheckBox");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.setTitle("HeapDelta");
        ask.setHeaderText("Export the leak report as PDF");
        Label explanation = new Label("String contents are shown only as their length and a short hash unless you"
                + " include them.");
        explanation.setId("exportExplanation");
        // Wrapped and given its height, the sentence is read whole ("…unless you incl…" otherwise).
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        includeStrings.setWrapText(true);
        includeStrings.setMinHeight(Region.USE_PREF_SIZE);
        ask.getDialogPane().setContent(new VBox(8, explanation, includeStrings));
        ask.getDialogPane().setPrefWidth(560);
        ask.getDialogPane().setId("exportDialog");
        ask.initOwner(getScene().getWindow());
        if (ask.showAndWait().filter(button -> button == javafx.scene.control.ButtonType.OK).isEmpty()) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the leak report");
        chooser.setInitialFileName("heapdelta-report.pdf");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportReport(file.toPath(), includeStrings.isSelected());
        }
    }

    private void showFailure(LoadFailure failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, failure.problem());
        alert.setTitle("HeapDelta");
        alert.setHeaderText(failure.headline());
        alert.getDialogPane().setId("loadErrorDialog");
        alert.getDialogPane().setMinWidth(520);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    /** Opens a README section in the system browser (the app's HostServices), or says why it cannot. */
    private void openReadme(String section) {
        try {
            linkOpener.accept(dev.heapdelta.app.gui.help.HelpTopics.readmeLink(section));
        } catch (RuntimeException e) {
            showFailure(new LoadFailure("README", "the README could not be opened: " + e.getMessage(), false));
        }
    }

    /** Where links go: the system browser, through the application's HostServices. */
    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        this.linkOpener = opener;
    }

    private void showTable(String header, String id, List<String[]> rows) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        for (int i = 0; i < rows.size(); i++) {
            Label key = Labels.styled(rows.get(i)[0], "mono");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(rows.get(i)[1]);
            text.setWrapText(true);
            text.setMaxWidth(440);
            grid.addRow(i, key, text);
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("HeapDelta");
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId(id);
        alert.initOwner(getScene().getWindow());
        alert.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Compares heap dumps (HPROF and V8 heap snapshots) and "
                + "names the leak.\n\nHelp › Keyboard shortcuts lists the keys; Help › README opens the documentation.");
        alert.setTitle("HeapDelta");
        alert.setHeaderText("HeapDelta");
        alert.initOwner(getScene().getWindow());
        alert.show();
    }
}
