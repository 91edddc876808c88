package dev.heapdelta.app.gui.navigation;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Back and forward history over {@link Place}s, as a browser keeps it. Used on the FX thread only. */
public final class Navigator {
    private static final int HISTORY_LIMIT = 200;

    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Place> current = new ReadOnlyObjectWrapper<>(new Place.Welcome());
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(false);

    public ReadOnlyObjectProperty<Place> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Place current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Goes to {@code place}, remembering where the user came from; the forward history is dropped. */
    public void goTo(Place place) {
        if (place.equals(current.get())) {
            return;
        }
        back.push(current.get());
        while (back.size() > HISTORY_LIMIT) {
            back.removeLast();
        }
        forward.clear();
        show(place);
    }

    /** Starts a new history at {@code place}, as opening other dumps does. */
    public void reset(Place place) {
        back.clear();
        forward.clear();
        show(place);
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(current.get());
            show(back.pop());
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(current.get());
            show(forward.pop());
        }
    }

    private void show(Place place) {
        current.set(place);
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }
}
