package dev.heapdelta.app.gui.controls;

import dev.heapdelta.app.gui.format.HumanSizes;
import java.util.function.LongFunction;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.geometry.Pos;

/** Table cells for sizes and counts: human-readable text, exact figures in the tooltip, growth in colour. */
public final class SizeCells {
    private SizeCells() {
    }

    /** How a cell writes its number. */
    public enum Style {
        SIZE(HumanSizes::size, HumanSizes::exactBytes, false),
        SIZE_DELTA(HumanSizes::delta, bytes -> (bytes > 0 ? "+" : "") + HumanSizes.exactBytes(bytes), true),
        COUNT(HumanSizes::count, null, false),
        COUNT_DELTA(HumanSizes::countDelta, null, true);

        private final LongFunction<String> text;
        private final LongFunction<String> tooltip;
        private final boolean signed;

        Style(LongFunction<String> text, LongFunction<String> tooltip, boolean signed) {
            this.text = text;
            this.tooltip = tooltip;
            this.signed = signed;
        }
    }

    public static <S> TableCell<S, Number> table(Style style) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                render(this, style, empty ? null : value);
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    public static <S> TreeTableCell<S, Number> tree(Style style) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                render(this, style, empty ? null : value);
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    private static void render(javafx.scene.control.IndexedCell<?> cell, Style style, Number value) {
        cell.getStyleClass().removeAll("growth", "shrink");
        if (value == null || value.longValue() == Long.MIN_VALUE) {
            cell.setText(value == null ? null : "–");
            cell.setTooltip(null);
            return;
        }
        long number = value.longValue();
        cell.setText(style.text.apply(number));
        cell.setTooltip(style.tooltip == null ? null : new Tooltip(style.tooltip.apply(number)));
        if (style.signed && number > 0) {
            cell.getStyleClass().add("growth");
        } else if (style.signed && number < 0) {
            cell.getStyleClass().add("shrink");
        }
    }
}
