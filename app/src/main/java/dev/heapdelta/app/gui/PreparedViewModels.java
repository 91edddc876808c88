package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.classes.ClassDiffViewModel;
import dev.heapdelta.app.gui.overview.OverviewViewModel;

/**
 * The view-models made on the load's worker thread, so that opening the overview and the class table
 * the first time only makes nodes on the FX thread.
 *
 * @param differentProcesses why added snapshots seem to come from another process, or empty
 */
record PreparedViewModels(OverviewViewModel overview, ClassDiffViewModel classDiff,
        java.util.List<String> differentProcesses) {
}
