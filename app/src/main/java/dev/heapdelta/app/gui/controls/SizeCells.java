package dev.heapdelta.app.gui.controls;

import dev.heapdelta.app.gui.format.HumanSizes;
import java.util.function.LongFunction;
import javafx.geometry.Pos;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.MouseEvent;

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
            private final ExactFigureTip tip = new ExactFigureTip(this);

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                render(this, tip, style, empty ? null : value);
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    public static <S> TreeTableCell<S, Number> tree(Style style) {
        return new TreeTableCell<>() {
            private final ExactFigureTip tip = new ExactFigureTip(this);

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                render(this, tip, style, empty ? null : value);
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    private static void render(IndexedCell<?> cell, ExactFigureTip tip, Style style, Number value) {
        cell.getStyleClass().removeAll("growth", "shrink");
        if (value == null || value.longValue() == Long.MIN_VALUE) {
            cell.setText(value == null ? null : "–");
            tip.show(null);
            return;
        }
        long number = value.longValue();
        cell.setText(style.text.apply(number));
        tip.show(style.tooltip == null ? null : style.tooltip.apply(number));
        if (style.signed && number > 0) {
            cell.getStyleClass().add("growth");
        } else if (style.signed && number < 0) {
            cell.getStyleClass().add("shrink");
        }
    }

    /**
     * A cell's exact figure as its tooltip. Each tooltip is a popup with a scene of its own, and a new
     * one per cell and per update made opening a large table cost the FX thread hundreds of
     * milliseconds; so a cell makes its tooltip once, when the mouse first enters it, and then only
     * changes its text.
     */
    private static final class ExactFigureTip {
        private final IndexedCell<?> cell;
        private String text;
        private Tooltip tooltip;

        ExactFigureTip(IndexedCell<?> cell) {
            this.cell = cell;
            cell.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
                if (tooltip == null && text != null) {
                    tooltip = new Tooltip(text);
                    cell.setTooltip(tooltip);
                }
            });
        }

        void show(String exact) {
            text = exact;
            if (tooltip != null) {
                if (exact != null) {
                    tooltip.setText(exact);
                }
                cell.setTooltip(exact == null ? null : tooltip);
            }
        }
    }
}
