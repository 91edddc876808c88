package dev.heapdelta.app.gui.paths;

import dev.heapdelta.app.gui.controls.Labels;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The paths view's exclusions, as MAT's "Path to GC Roots" menu offers them: check boxes for the reference
 * kinds whose referents are left out, a list of fields in MAT's {@code class:field} syntax, and the root kinds
 * that start no path. A change goes to the paths without them (another place of the history).
 */
final class PathExclusionsBar extends FlowPane {
    private final PathsViewModel model;
    private final Map<String, CheckBox> referenceBoxes = new LinkedHashMap<>();
    private final Map<String, CheckMenuItem> rootItems = new LinkedHashMap<>();
    private final TextField fields = new TextField();

    PathExclusionsBar(PathsViewModel model) {
        super(12, 6);
        this.model = model;
        setId("pathExclusions");
        setAlignment(Pos.CENTER_LEFT);
        HBox references = new HBox(8, Labels.styled("Exclude referents:", "text-muted"));
        references.setAlignment(Pos.CENTER_LEFT);
        for (String kind : model.referenceKindNames()) {
            CheckBox box = new CheckBox(kind);
            box.setId("exclude-" + kind);
            box.setSelected(model.isReferenceKindExcluded(kind));
            box.setOnAction(event -> apply());
            referenceBoxes.put(kind, box);
            references.getChildren().add(box);
        }
        getChildren().add(references);

        fields.setId("excludedFields");
        fields.setPromptText("java.lang.Thread:<locals>  sun.misc.Cleaner:next,prev");
        fields.setPrefColumnCount(28);
        fields.setText(model.excludedFieldsText());
        fields.setTooltip(new Tooltip("Fields a path may not use, in MAT's syntax class:field,field (subclasses"
                + " included; a class alone for all its fields; <locals> for a thread's stack frames), separated by"
                + " spaces. Enter applies."));
        fields.setOnAction(event -> apply());
        Button applyFields = new Button("Apply");
        applyFields.setId("applyExclusions");
        applyFields.setOnAction(event -> apply());
        HBox fieldRow = new HBox(8, Labels.styled("Fields:", "text-muted"), fields, applyFields);
        fieldRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(fieldRow);

        if (model.hasReferenceAndRootKinds()) {
            MenuButton roots = new MenuButton();
            roots.setId("excludedRootKinds");
            for (Map.Entry<String, String> choice : model.rootKindChoices().entrySet()) {
                CheckMenuItem item = new CheckMenuItem(choice.getValue());
                item.setId("excludeRoot-" + choice.getKey());
                item.setSelected(model.isRootKindExcluded(choice.getKey()));
                item.setOnAction(event -> apply());
                rootItems.put(choice.getKey(), item);
                roots.getItems().add(item);
            }
            roots.setText(model.rootKindsText());
            getChildren().add(roots);
        }

        Label problem = Labels.styled("", "text-danger");
        problem.setId("exclusionsProblem");
        problem.textProperty().bind(model.exclusionsProblemProperty());
        problem.visibleProperty().bind(model.exclusionsProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().add(problem);
    }

    private void apply() {
        Set<String> references = new HashSet<>();
        referenceBoxes.forEach((kind, box) -> {
            if (box.isSelected()) {
                references.add(kind);
            }
        });
        Set<String> roots = new HashSet<>();
        rootItems.forEach((kind, item) -> {
            if (item.isSelected()) {
                roots.add(kind);
            }
        });
        if (model.exclude(references, fields.getText(), roots)) {
            showPlaceExclusions();
        }
    }

    /** Back to this view's own exclusions: the change just made belongs to the paths it went to. */
    private void showPlaceExclusions() {
        referenceBoxes.forEach((kind, box) -> box.setSelected(model.isReferenceKindExcluded(kind)));
        rootItems.forEach((kind, item) -> item.setSelected(model.isRootKindExcluded(kind)));
        fields.setText(model.excludedFieldsText());
    }
}
