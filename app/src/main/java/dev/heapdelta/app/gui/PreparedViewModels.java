package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.classes.ClassDiffViewModel;
import dev.heapdelta.app.gui.loading.SuspectSearch;
import dev.heapdelta.app.gui.overview.OverviewViewModel;
import dev.heapdelta.app.gui.session.Comparison;

/**
 * The view-models made on the load's worker thread, so that opening the overview and the class table
 * the first time only makes nodes on the FX thread.
 *
 * @param differentProcesses why added snapshots seem to come from another process, or empty
 * @param comparison the loaded comparison, its suspects with their code sites where application classes
 *     are remembered for its dumps
 * @param codeSiteProblem why the remembered application classes could not be scanned, or empty
 * @param suspectSearch the search for the comparison's suspects, not started yet, while they are pending; null
 *     when the comparison has them
 */
record PreparedViewModels(OverviewViewModel overview, ClassDiffViewModel classDiff,
        java.util.List<String> differentProcesses, Comparison comparison, String codeSiteProblem,
        SuspectSearch<PreparedViewModels> suspectSearch) {
}
