package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.format.ByteSizes;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** Bar labels as human sizes in their own unit ({@code 28.6 KB} beside {@code 5.1 MB}), never {@code 0.0 MB}. */
final class SizeLabels implements CategoryItemLabelGenerator {
    private final SizeUnit unit;

    SizeLabels(SizeUnit unit) {
        this.unit = unit;
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
        Number value = dataset.getValue(row, column);
        return value == null ? null : ByteSizes.human(unit.bytes(value.doubleValue()));
    }
}
