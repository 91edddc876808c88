package dev.heapdelta.app.gui.inspections;

import dev.heapdelta.app.gui.controls.ColumnWidths;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.inspections.InspectionTables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The waste inspections (duplicate strings, empty collections and fill ratios, duplicate arrays, class
 * loaders, packages): a selector, then one tab per table, each row with its figures per snapshot
 * ("1,501 → 4,001"); a double-click opens the row's sample object.
 */
public final class InspectionsView extends BorderPane {
    private final InspectionsViewModel model;
    private final TabPane tabs = new TabPane();

    public InspectionsView(InspectionsViewModel model) {
        this.model = model;
        setId("inspectionsView");
        setTop(header());
        tabs.setId("inspectionTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        model.tablesProperty().addListener((o, old, tables) -> show(tables));
        show(model.tablesProperty().get());
    }

    private HBox header() {
        Label title = Labels.styled("Inspections", "title-3");
        ComboBox<InspectionTables.Kind> kinds = new ComboBox<>();
        kinds.setId("inspectionKind");
        kinds.getItems().setAll(InspectionTables.Kind.values());
        kinds.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InspectionTables.Kind kind) {
                return kind == null ? "" : kind.cliName();
            }

            @Override
            public InspectionTables.Kind fromString(String text) {
                return InspectionTables.Kind.parse(text);
            }
        });
        kinds.getSelectionModel().select(model.kind());
        kinds.setOnAction(event -> model.showKind(kinds.getValue()));
        Label status = Labels.styled("", "text-muted");
        status.setId("inspectionStatus");
        status.textProperty().bind(model.statusProperty());
        HBox header = new HBox(12, title, kinds, status);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12));
        return header;
    }

    private void show(List<InspectionsViewModel.Table> tables) {
        List<Tab> made = new ArrayList<>();
        for (InspectionsViewModel.Table table : tables) {
            made.add(tab(table));
        }
        tabs.getTabs().setAll(made);
    }

    private Tab tab(InspectionsViewModel.Table table) {
        TableView<InspectionsViewModel.Row> view = new TableView<>();
        view.setId(table.name() + "Table");
        view.getItems().setAll(table.rows());
        // The figures whole, the finding in the width they leave (cut, if it must be, at its end).
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<InspectionsViewModel.Row, String> finding = column("Finding", InspectionsViewModel.Row::finding,
                320);
        TableColumn<InspectionsViewModel.Row, String> counts = column(title(table.countColumn()),
                InspectionsViewModel.Row::counts, 120);
        TableColumn<InspectionsViewModel.Row, String> bytes = column(title(table.bytesColumn()),
                InspectionsViewModel.Row::bytes, 140);
        ColumnWidths.fitCells(counts, table.rows().stream().map(InspectionsViewModel.Row::counts).toList());
        ColumnWidths.fitCells(bytes, table.rows().stream().map(InspectionsViewModel.Row::bytes).toList());
        view.getColumns().add(finding);
        view.getColumns().add(counts);
        view.getColumns().add(bytes);
        ColumnWidths.fillFreeWidth(view, finding);
        view.setRowFactory(v -> {
            TableRow<InspectionsViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        view.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.open(view.getSelectionModel().getSelectedItem());
            }
        });
        view.setPlaceholder(new Label("Nothing found"));
        Tab tab = new Tab(table.name() + " (" + table.shownOfTotal() + ")", view);
        tab.setId(table.name() + "Tab");
        return tab;
    }

    /**
     * A column's title from the field name the CLI's JSON gives it ({@code wastedBytes} → "Wasted bytes"):
     * the same figure under one name, written for a reader.
     */
    static String title(String field) {
        String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static TableColumn<InspectionsViewModel.Row, String> column(String title,
            Function<InspectionsViewModel.Row, String> text, double width) {
        TableColumn<InspectionsViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
