package dev.heapdelta.samples.service;

import java.util.ArrayList;
import java.util.List;

/** An in-process publish/subscribe bus. The leak: upload listeners subscribe and never unsubscribe. */
final class EventBus {
    /** Receives every published event. */
    interface Listener {
        void onEvent(String topic, long value);
    }

    static final List<Listener> LISTENERS = new ArrayList<>();

    private EventBus() {
    }

    static void subscribe(Listener listener) {
        LISTENERS.add(listener);
    }

    static void publish(String topic, long value) {
        for (Listener listener : LISTENERS) {
            listener.onEvent(topic, value);
        }
    }
}
