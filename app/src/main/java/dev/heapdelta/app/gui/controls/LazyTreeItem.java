package dev.heapdelta.app.gui.controls;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A tree item that asks for its children the first time they are needed, as a huge tree must. */
public final class LazyTreeItem<T> extends TreeItem<T> {
    private final Function<T, List<T>> childrenOf;
    private final Predicate<T> isLeaf;
    private boolean loaded;

    public LazyTreeItem(T value, Function<T, List<T>> childrenOf, Predicate<T> isLeaf) {
        super(value);
        this.childrenOf = childrenOf;
        this.isLeaf = isLeaf;
    }

    @Override
    public boolean isLeaf() {
        return isLeaf.test(getValue());
    }

    @Override
    public ObservableList<TreeItem<T>> getChildren() {
        if (!loaded) {
            loaded = true;
            List<T> values = childrenOf.apply(getValue());
            super.getChildren().setAll(values.stream()
                    .map(value -> (TreeItem<T>) new LazyTreeItem<>(value, childrenOf, isLeaf)).toList());
        }
        return super.getChildren();
    }

}
