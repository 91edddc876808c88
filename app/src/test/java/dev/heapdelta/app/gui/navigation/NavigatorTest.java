package dev.heapdelta.app.gui.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NavigatorTest {
    @Test
    void backAndForwardRetraceTheVisitedPlaces() {
        Navigator navigator = new Navigator();
        navigator.reset(new Place.Overview());
        navigator.goTo(new Place.Classes());
        navigator.goTo(new Place.Instances("A", "A", 1));
        assertTrue(navigator.canGoBackProperty().get());
        navigator.back();
        assertEquals(new Place.Classes(), navigator.current());
        navigator.back();
        assertEquals(new Place.Overview(), navigator.current());
        assertFalse(navigator.canGoBackProperty().get());
        navigator.forward();
        navigator.forward();
        assertEquals(new Place.Instances("A", "A", 1), navigator.current());
        assertFalse(navigator.canGoForwardProperty().get());
    }

    @Test
    void goingSomewhereNewDropsTheForwardHistory() {
        Navigator navigator = new Navigator();
        navigator.reset(new Place.Overview());
        navigator.goTo(new Place.Classes());
        navigator.back();
        navigator.goTo(new Place.Instances("B", "B", 0));
        assertFalse(navigator.canGoForwardProperty().get());
        navigator.back();
        assertEquals(new Place.Overview(), navigator.current());
    }

    @Test
    void goingToTheCurrentPlaceAddsNoHistory() {
        Navigator navigator = new Navigator();
        navigator.reset(new Place.Classes());
        navigator.goTo(new Place.Classes());
        assertFalse(navigator.canGoBackProperty().get());
    }
}
