package dev.heapdelta.app.gui.paths;

import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.PathExclusions;
import dev.heapdelta.analyzer.query.ReferenceKind;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.format.HumanSizes;
import java.util.EnumMap;
import java.util.EnumSet;
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
 * that start no path. A change recomputes the paths in the background.
 */
final class PathExclusionsBar extends FlowPane {
    private final PathsViewModel model;
    private final Map<ReferenceKind, CheckBox> referenceBoxes = new EnumMap<>(ReferenceKind.class);
    private final Map<RootKind, CheckMenuItem> rootItems = new EnumMap<>(RootKind.class);
    private final TextField fields = new TextField();

    PathExclusionsBar(PathsViewModel model) {
        super(12, 6);
        this.model = model;
        setId("pathExclusions");
        setAlignment(Pos.CENTER_LEFT);
        PathExclusions current = model.exclusionsProperty().get();
        HBox references = new HBox(8, Labels.styled("Exclude referents:", "text-muted"));
        references.setAlignment(Pos.CENTER_LEFT);
        for (ReferenceKind kind : ReferenceKind.values()) {
            if (kind != ReferenceKind.WEAK && !model.hasReferenceAndRootKinds()) {
                continue;
            }
            CheckBox box = new CheckBox(kind.optionName());
            box.setId("exclude-" + kind.optionName());
            box.setSelected(current.references().contains(kind));
            box.setOnAction(event -> apply());
            referenceBoxes.put(kind, box);
            references.getChildren().add(box);
        }
        getChildren().add(references);

        fields.setId("excludedFields");
        fields.setPromptText("java.lang.Thread:<locals>  sun.misc.Cleaner:next,prev");
        fields.setPrefColumnCount(28);
        fields.setText(String.join(" ", current.fieldNames()));
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
            for (Map.Entry<RootKind, Integer> entry : model.rootKindsInDump().entrySet()) {
                CheckMenuItem item = new CheckMenuItem(entry.getKey().displayName() + " ("
                        + HumanSizes.count(entry.getValue()) + ")");
                item.setId("excludeRoot-" + entry.getKey().name());
                item.setSelected(current.roots().contains(entry.getKey()));
                item.setOnAction(event -> apply());
                rootItems.put(entry.getKey(), item);
                roots.getItems().add(item);
            }
            roots.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> rootsText(model.exclusionsProperty().get()), model.exclusionsProperty()));
            getChildren().add(roots);
        }

        Label problem = Labels.styled("", "text-danger");
        problem.setId("exclusionsProblem");
        problem.textProperty().bind(model.exclusionsProblemProperty());
        problem.visibleProperty().bind(model.exclusionsProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().add(problem);
    }

    private static String rootsText(PathExclusions exclusions) {
        return exclusions.roots().isEmpty() ? "All root kinds"
                : "Roots without " + String.join(", ", exclusions.rootNames());
    }

    private void apply() {
        Set<ReferenceKind> references = EnumSet.noneOf(ReferenceKind.class);
        referenceBoxes.forEach((kind, box) -> {
            if (box.isSelected()) {
                references.add(kind);
            }
        });
        if (!model.hasReferenceAndRootKinds()) {
            // A V8 snapshot has weak edges only; the other kinds keep their default, which changes nothing there.
            for (ReferenceKind kind : ReferenceKind.values()) {
                if (kind != ReferenceKind.WEAK) {
                    references.add(kind);
                }
            }
        }
        Set<RootKind> roots = EnumSet.noneOf(RootKind.class);
        rootItems.forEach((kind, item) -> {
            if (item.isSelected()) {
                roots.add(kind);
            }
        });
        model.exclude(references, fields.getText(), roots);
    }
}
