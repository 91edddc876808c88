package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.junit.LeakTest;
import org.junit.jupiter.api.Test;

/** Fails on purpose: every CartService registers a listener in a static list that nothing empties. */
class CartServiceTest {

    @LeakTest
    @Test
    void checksOutACart() {
        for (int i = 0; i < 300; i++) {
            CartService cart = new CartService();
            cart.add("sku-" + i);
            assertEquals(1, cart.size());
        }
    }
}
