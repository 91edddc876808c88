package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.classes.ClassDiffView;
import dev.heapdelta.app.gui.classes.ClassInstancesView;
import dev.heapdelta.app.gui.dominators.DominatorTreeView;
import dev.heapdelta.app.gui.inspections.InspectionsView;
import dev.heapdelta.app.gui.inspector.InspectorView;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.oql.OqlView;
import dev.heapdelta.app.gui.overview.OverviewView;
import dev.heapdelta.app.gui.paths.PathsView;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.threads.ThreadsView;
import dev.heapdelta.app.gui.welcome.WelcomeView;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;

/**
 * Makes the view of each place from its view-model. The overview and class table are kept per comparison;
 * the views of the last places visited are kept too, so that Back and Forward return to a view as the user
 * left it: its selection, sort order, column widths and expanded rows.
 */
final class PlaceViews {
    /** Places whose views Back and Forward find as they were left; older ones are made again. */
    private static final int KEPT_VIEWS = 24;

    private final MainViewModel model;
    private final Map<Place, Node> keptViews = new LinkedHashMap<>(KEPT_VIEWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Place, Node> eldest) {
            return size() > KEPT_VIEWS;
        }
    };
    private final WelcomeView welcome;
    private Comparison viewsFor;
    private OverviewView overview;
    private boolean overviewDark;
    private ClassDiffView classes;

    PlaceViews(MainViewModel model, WelcomeView welcome) {
        this.model = model;
        this.welcome = welcome;
    }

    Node viewOf(Place place, boolean dark) {
        if (place instanceof Place.Welcome || model.comparisonProperty().get() == null) {
            return welcome;
        }
        if (viewsFor != model.comparisonProperty().get()) {
            viewsFor = model.comparisonProperty().get();
            overview = null;
            classes = null;
            keptViews.clear();
        }
        if (place instanceof Place.Overview) {
            if (overview == null || overviewDark != dark) {
                overview = new OverviewView(model.overview(), dark);
                overviewDark = dark;
            }
            return overview;
        }
        if (place instanceof Place.Classes) {
            if (classes == null) {
                classes = new ClassDiffView(model.classDiff());
            }
            return classes;
        }
        Node kept = keptViews.get(place);
        if (kept == null) {
            kept = drillDownViewOf(place);
            keptViews.put(place, kept);
        }
        return kept;
    }

    private Node drillDownViewOf(Place place) {
        if (place instanceof Place.Instances instances) {
            return new ClassInstancesView(model.instances(instances));
        }
        if (place instanceof Place.HeldInstances held) {
            return new ClassInstancesView(model.heldInstances(held));
        }
        if (place instanceof Place.Dominators dominators) {
            return new DominatorTreeView(model.dominators(dominators));
        }
        if (place instanceof Place.Paths paths) {
            return new PathsView(model.paths(paths));
        }
        if (place instanceof Place.Inspector inspector) {
            return new InspectorView(model.inspector(inspector));
        }
        if (place instanceof Place.Oql oql) {
            return new OqlView(model.oql(oql));
        }
        if (place instanceof Place.Threads threads) {
            return new ThreadsView(model.threads(threads));
        }
        if (place instanceof Place.Inspections inspections) {
            return new InspectionsView(model.inspections(inspections));
        }
        throw new IllegalArgumentException("no view for " + place);
    }

    /** The class table, if it has been shown for the open comparison. */
    ClassDiffView classesIfShown() {
        return viewsFor == model.comparisonProperty().get() ? classes : null;
    }

    static String titleOf(Place place) {
        if (place instanceof Place.Welcome) {
            return "Welcome";
        }
        if (place instanceof Place.Overview) {
            return "Overview";
        }
        if (place instanceof Place.Classes) {
            return "Classes";
        }
        if (place instanceof Place.Threads) {
            return "Threads";
        }
        if (place instanceof Place.Inspections inspections) {
            return "Inspections: " + inspections.kind();
        }
        if (place instanceof Place.Instances instances) {
            return "Instances of " + instances.className();
        }
        if (place instanceof Place.HeldInstances held) {
            return "Held instances of " + held.className();
        }
        if (place instanceof Place.Dominators) {
            return "Dominator tree";
        }
        if (place instanceof Place.ObjectPath) {
            return "Path to GC roots";
        }
        if (place instanceof Place.Oql) {
            return "OQL console";
        }
        if (place instanceof Place.ClassPaths classPaths) {
            return "Merged paths: " + classPaths.className();
        }
        return "Inspector";
    }
}
