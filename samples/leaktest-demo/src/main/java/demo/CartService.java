package demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds items to carts and tells listeners. Each cart listens for price changes and never stops: the static
 * list keeps every cart ever made, which is the bug the demo catches.
 */
public final class CartService {
    static final List<Consumer<String>> LISTENERS = new ArrayList<>();

    private final List<String> items = new ArrayList<>();

    public CartService() {
        LISTENERS.add(this::repriceIfListed);
    }

    private void repriceIfListed(String sku) {
        if (items.contains(sku)) {
            items.set(items.indexOf(sku), sku);
        }
    }

    public void add(String sku) {
        items.add(sku);
        for (Consumer<String> listener : List.copyOf(LISTENERS)) {
            listener.accept(sku);
        }
    }

    public int size() {
        return items.size();
    }
}
