package dev.heapdelta.app.gui.controls;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Callback;

/**
 * Keeps a table's first column on screen while the others scroll sideways, like a spreadsheet's frozen
 * column: its header and cells move right by as much as the table scrolled, and are drawn over the
 * columns that pass beneath them (with an opaque background, style class {@code frozen-column}).
 */
public final class FrozenColumn {
    private static final String STYLE = "frozen-column";

    private FrozenColumn() {
    }

    /** Freezes {@code column}, which must be the first of {@code table} and have its cell factory set. */
    public static <S, T> void freeze(TableView<S> table, TableColumn<S, T> column) {
        DoubleProperty scrolled = new SimpleDoubleProperty();
        column.getStyleClass().add(STYLE);
        column.setReorderable(false);
        Callback<TableColumn<S, T>, TableCell<S, T>> cells = column.getCellFactory();
        column.setCellFactory(owner -> {
            TableCell<S, T> cell = cells.call(owner);
            cell.translateXProperty().bind(scrolled);
            cell.setViewOrder(-1);
            return cell;
        });
        // Another column dragged in front of it would slide under it: it stays first.
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> {
            if (table.getColumns().indexOf(column) > 0) {
                Platform.runLater(() -> {
                    if (table.getColumns().remove(column)) {
                        table.getColumns().add(0, column);
                    }
                });
            }
        });
        Runnable pinHeader = () -> pinHeader(table, column, scrolled.get());
        scrolled.addListener(o -> pinHeader.run());
        Runnable follow = () -> {
            ScrollBar bar = horizontalBar(table);
            if (bar != null) {
                scrolled.bind(bar.valueProperty());
            }
            pinHeader.run();
        };
        table.skinProperty().addListener(o -> Platform.runLater(follow));
        if (table.getSkin() != null) {
            follow.run();
        }
        // The header row rebuilds its headers when columns change; a rebuilt one starts unmoved.
        table.needsLayoutProperty().addListener(o -> pinHeader.run());
    }

    private static <S> void pinHeader(TableView<S> table, TableColumn<S, ?> column, double offset) {
        Node headers = table.lookup(".column-header-background");
        if (headers == null) {
            return;
        }
        for (Node node : headers.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column) {
                header.setTranslateX(offset);
                header.setViewOrder(-1);
            }
        }
    }

    private static ScrollBar horizontalBar(TableView<?> table) {
        Node flow = table.lookup(".virtual-flow");
        if (!(flow instanceof VirtualFlow<?> virtualFlow)) {
            return null;
        }
        for (Node child : virtualFlow.getChildrenUnmodifiable()) {
            if (child instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar;
            }
        }
        return null;
    }
}
