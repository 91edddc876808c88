package dev.heapdelta.app.gui.controls;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Gives a table's name column the width the other columns leave free, so that names are not cut while
 * part of the table stays empty. It follows the table's width; a column the user widened keeps its width
 * until the table itself is resized.
 */
public final class ColumnWidths {
    /** Room for the vertical scroll bar, so that filling the width does not bring a horizontal one. */
    private static final double SCROLL_BAR = 18;

    private ColumnWidths() {
    }

    public static <S> void fillFreeWidth(TableView<S> table, TableColumn<S, ?> name) {
        double minimum = name.getPrefWidth();
        InvalidationListener fit = o -> {
            double others = 0;
            for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
                if (column != name) {
                    others += column.getWidth();
                }
            }
            name.setPrefWidth(Math.max(minimum, table.getWidth() - others - SCROLL_BAR));
        };
        table.widthProperty().addListener(fit);
    }

    public static <S> void fillFreeWidth(TreeTableView<S> table, TreeTableColumn<S, ?> name) {
        double minimum = name.getPrefWidth();
        InvalidationListener fit = o -> {
            double others = 0;
            for (TreeTableColumn<S, ?> column : table.getVisibleLeafColumns()) {
                if (column != name) {
                    others += column.getWidth();
                }
            }
            name.setPrefWidth(Math.max(minimum, table.getWidth() - others - SCROLL_BAR));
        };
        table.widthProperty().addListener(fit);
    }
}
