package dev.heapdelta.analyzer.leaks;

import java.util.List;

/**
 * Listener containers whose listener count grows: Java listener registries ({@code
 * PropertyChangeSupport}, {@code EventListenerList}, {@code Observable}, lists in fields named like
 * listeners) and Node's {@code EventEmitter._events[name]}.
 */
public final class ListenerAccumulationDetector implements LeakDetector {
    private final GrowingCollectionDetector listenerCollections = new GrowingCollectionDetector(true);

    @Override
    public List<Suspect> detect(SeriesContext series) {
        return listenerCollections.detect(series);
    }
}
