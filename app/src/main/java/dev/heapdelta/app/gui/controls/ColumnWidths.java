package dev.heapdelta.app.gui.controls;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Gives a table's name column the width the other columns leave free, so that names are not cut while
 * part of the table stays empty. It follows the table's width; a column the user widened keeps its width
 * until the table itself is resized.
 */
public final class ColumnWidths {
    /** Room for the vertical scroll bar, so that filling the width does not bring a horizontal one. */
    private static final double SCROLL_BAR = 18;

    /** The header's padding and sort arrow beside its text. */
    private static final double HEADER_CHROME = 34;
    /** The theme's header font: bold, at the theme's 14 px base size. */
    private static final Font HEADER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
            Math.max(14, Font.getDefault().getSize()));

    /** A cell's padding beside its text. */
    private static final double CELL_CHROME = 20;
    /** The theme's cell font: regular, at the theme's 14 px base size. */
    private static final Font CELL_FONT = Font.font(Font.getDefault().getFamily(),
            Math.max(14, Font.getDefault().getSize()));
    /** Cells measured: the widest of the first rows stands for the rest of a long table. */
    private static final int MEASURED_CELLS = 1000;

    private ColumnWidths() {
    }

    /**
     * Widens a column to show its widest cell and its header ({@code 960 B → 960 B → 960 B}), never narrows it:
     * for figures, which an ellipsis would make unreadable.
     */
    public static void fitCells(TableColumnBase<?, ?> column, java.util.List<String> cells) {
        fitHeader(column);
        Text text = new Text();
        text.setFont(CELL_FONT);
        double widest = 0;
        for (String cell : cells.subList(0, Math.min(cells.size(), MEASURED_CELLS))) {
            text.setText(cell);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        double needed = Math.ceil(widest + CELL_CHROME);
        column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
        column.setMinWidth(Math.max(column.getMinWidth(), needed));
    }

    /** Widens a column to show its whole header ({@code Δ since leaks-t0}, {@code Alloc. Size}), never narrows it. */
    public static void fitHeader(TableColumnBase<?, ?> column) {
        Text text = new Text(column.getText());
        text.setFont(HEADER_FONT);
        double needed = Math.ceil(text.getLayoutBounds().getWidth() + HEADER_CHROME);
        column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
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
