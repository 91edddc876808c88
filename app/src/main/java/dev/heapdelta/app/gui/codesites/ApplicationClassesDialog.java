package dev.heapdelta.app.gui.codesites;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File › Application classes…: the jars, class directories or fat jar of the application, and optionally
 * its sources, from which each suspect's card lists the statements that fill its container. The lists
 * are editable text, one entry per line, and the buttons add chosen files to them.
 */
public final class ApplicationClassesDialog {
    private ApplicationClassesDialog() {
    }

    /** Shows the dialog over {@code owner}, filled with {@code current}; {@code onApply} gets what the user set. */
    public static void show(Window owner, ApplicationClasses current, Consumer<ApplicationClasses> onApply) {
        TextArea classPath = entries("classPathField", current.classPath());
        TextArea sources = entries("sourcesField", current.sources());
        Button addJars = new Button("Add jars…");
        addJars.setId("addJarsButton");
        addJars.setOnAction(event -> addFiles(owner, classPath, "Application jars", "*.jar", "*.war"));
        Button addClassFolder = new Button("Add class folder…");
        addClassFolder.setId("addClassFolderButton");
        addClassFolder.setOnAction(event -> addFolder(owner, classPath, "A folder of compiled classes"));
        Button addSourceFolder = new Button("Add source folder…");
        addSourceFolder.setId("addSourceFolderButton");
        addSourceFolder.setOnAction(event -> addFolder(owner, sources, "A source root (src/main/java)"));
        Button addSourcesJar = new Button("Add -sources.jar…");
        addSourcesJar.setId("addSourcesJarButton");
        addSourcesJar.setOnAction(event -> addFiles(owner, sources, "Sources jars", "*-sources.jar"));

        Label explanation = new Label("The classes are read as bytecode, never loaded or run: each suspect's card then "
                + "says which statements fill its container (\"Filled at OrderCache.remember(OrderCache.java:41)\"), "
                + "with the source line when the sources are given. Remembered for these dumps.");
        explanation.setWrapText(true);
        VBox content = new VBox(8, explanation,
                new Label("Classes: jars, class folders, Spring Boot fat jars (one per line)"), classPath,
                new FlowPane(8, 6, addJars, addClassFolder),
                new Label("Sources, optional: source folders or -sources.jar files (one per line)"), sources,
                new FlowPane(8, 6, addSourceFolder, addSourcesJar));
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(560);

        ButtonType apply = new ButtonType("Scan", ButtonBar.ButtonData.OK_DONE);
        Dialog<ApplicationClasses> dialog = new Dialog<>();
        dialog.setTitle("Application classes");
        dialog.setHeaderText("Where the application's code fills the leaking containers");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        dialog.getDialogPane().setId("applicationClassesDialog");
        dialog.getDialogPane().lookupButton(apply).setId("scanApplicationClassesButton");
        dialog.setResultConverter(button -> button == apply
                ? new ApplicationClasses(joined(classPath.getText()), joined(sources.getText())) : null);
        dialog.initOwner(owner);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() != null) {
                onApply.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    private static TextArea entries(String id, String pathList) {
        TextArea area = new TextArea(String.join("\n", split(pathList)));
        area.setId(id);
        area.setPrefRowCount(3);
        area.getStyleClass().add("mono");
        return area;
    }

    private static void addFiles(Window owner, TextArea area, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(description);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files != null) {
            files.forEach(file -> append(area, file));
        }
    }

    private static void addFolder(Window owner, TextArea area, String description) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(description);
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            append(area, folder);
        }
    }

    private static void append(TextArea area, File file) {
        String text = area.getText().strip();
        area.setText(text.isEmpty() ? file.getPath() : text + "\n" + file.getPath());
    }

    /** One entry per line on screen, the platform's path separator in the value, as the CLI takes it. */
    static String joined(String lines) {
        return String.join(File.pathSeparator, lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    static List<String> split(String pathList) {
        return List.of(pathList.split(File.pathSeparator)).stream().filter(entry -> !entry.isBlank()).toList();
    }
}
