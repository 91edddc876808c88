package dev.heapdelta.app.gui.overview;

import java.util.List;

/** A suspect's retained size per snapshot (null where absent): one line of the overview's trend chart. */
public record SuspectTrend(String label, List<Long> retainedBytes) {
}
