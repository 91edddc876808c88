package dev.heapdelta.app.gui;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.DamagedIndexCacheEntryException;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.WeakReferencePolicy;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.cli.DiffJson;
import dev.heapdelta.app.cli.VersionProvider;
import dev.heapdelta.app.pdf.LeakReportPdf;
import dev.heapdelta.app.pdf.ReportOptions;
import dev.heapdelta.app.pdf.ReportProgress;
import dev.heapdelta.app.gui.classes.ClassDiffViewModel;
import dev.heapdelta.app.gui.classes.SelectionRetainedSet;
import dev.heapdelta.app.gui.classes.ClassInstancesViewModel;
import dev.heapdelta.app.gui.dominators.DominatorTreeViewModel;
import dev.heapdelta.app.gui.inspector.InspectorViewModel;
import dev.heapdelta.app.gui.loading.LoadFailure;
import dev.heapdelta.app.gui.loading.LoadingViewModel;
import dev.heapdelta.app.gui.loading.SuspectSearch;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.overview.OverviewViewModel;
import dev.heapdelta.app.gui.codesites.ApplicationClasses;
import dev.heapdelta.app.gui.oql.OqlHistory;
import dev.heapdelta.app.gui.oql.OqlViewModel;
import dev.heapdelta.app.gui.paths.PathsViewModel;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.ClassesWithoutInstances;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.welcome.WelcomeViewModel;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The app's state: the open comparison, the loading in progress, and where the user is. Menu and
 * toolbar commands land here; each place's own view-model is made here on demand.
 */
public final class MainViewModel {
    private final GuiContext context;
    private final Navigator navigator = new Navigator();
    private final OqlHistory oqlHistory;
    private final WelcomeViewModel welcome;
    private final LoadingViewModel loading;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final StatusLine status = new StatusLine("Open two or more dumps of one process.");
    private final ReadOnlyBooleanWrapper weakReferencesIgnored = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper processWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper suspectsPending = new ReadOnlyBooleanWrapper(false);
    /** The search for the open comparison's suspects while they are pending; null once they are found. */
    private SuspectSearch<PreparedViewModels> suspectSearch;
    /** The first snapshot an "add to this comparison" brings, until its load ends; -1 otherwise. */
    private volatile int firstAddedSnapshot = -1;
    private final Set<Path> exampleFiles = new HashSet<>();
    private Consumer<LoadFailure> failureHandler = failure -> { };
    private OverviewViewModel overview;
    private ClassDiffViewModel classDiff;

    public MainViewModel(GuiContext context) {
        this.context = context;
        this.welcome = new WelcomeViewModel(context.recentFiles());
        this.oqlHistory = new OqlHistory(context.oqlQueries());
        this.loading = new LoadingViewModel(context.executor(), context.snapshots());
        loading.setIndexCacheNoteHandler(status::tell);
        navigator.currentProperty().addListener(o -> status.endMessage());
    }

    public Navigator navigator() {
        return navigator;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public LoadingViewModel loading() {
        return loading;
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public ReadOnlyBooleanProperty weakReferencesIgnoredProperty() {
        return weakReferencesIgnored.getReadOnlyProperty();
    }

    /**
     * Whether the open comparison's suspects are still being searched: its overview shows the rest, and what
     * needs them (the report's export and JSON, code sites) waits.
     */
    public ReadOnlyBooleanProperty suspectsPendingProperty() {
        return suspectsPending.getReadOnlyProperty();
    }

    /**
     * Stops the search for the open comparison's suspects, as leaving the app does; the overview then offers
     * to search again.
     */
    public void cancelSuspectSearch() {
        if (suspectSearch != null) {
            suspectSearch.cancel();
        }
    }

    /** Where load failures go: the view shows them as an error dialog. */
    public void setFailureHandler(Consumer<LoadFailure> handler) {
        this.failureHandler = handler;
    }

    /** Opens the files chosen on the welcome screen. */
    public void openChosen() {
        open(List.copyOf(welcome.chosenFiles()));
    }

    /** Loads {@code files} as one series, oldest first; the current comparison stays until they are read. */
    public void open(List<Path> files) {
        open(files, Set.of());
    }

    /** Loads {@code files} as {@link #open(List)}, reusing the current comparison's snapshots but {@code stale}. */
    private void open(List<Path> files, Set<Snapshot> stale) {
        if (files.isEmpty() || loading.runningProperty().get()) {
            return;
        }
        welcome.choose(files);
        // The two cores go to the new load; should it not replace this comparison, the search starts again.
        cancelSuspectSearch();
        AnalysisOptions options = options();
        Map<Path, Snapshot> reusable = new HashMap<>();
        Comparison current = comparison.get();
        if (current != null) {
            for (int i = 0; i < current.size(); i++) {
                if (current.snapshot(i).options().equals(options) && !stale.contains(current.snapshot(i))) {
                    reusable.put(current.files().get(i), current.snapshot(i));
                }
            }
        }
        loading.start(files, options, reusable, LoadingViewModel.outcome(this::prepareViewModels, this::loaded,
                this::failed, () -> {
                    firstAddedSnapshot = -1;
                    status.tell("Loading cancelled.");
                    resumeSuspectSearch();
                }));
    }

    /** Copies the bundled Java example (three snapshots of a leaking service) out and opens it. */
    public void openExample() {
        openExample(Examples.Platform.JAVA);
    }

    /** Copies a bundled example out (the Java service, or the six Node.js leak patterns) and opens it. */
    public void openExample(Examples.Platform platform) {
        BackgroundJob.run(context.executor(), "copy the example", () -> context.example().copy(platform), files -> {
            exampleFiles.addAll(files);
            open(files);
        }, problem -> failureHandler.accept(new LoadFailure("the bundled example",
                "the example could not be copied out: " + problem.getMessage(), true)));
    }

    /** Analyses the open series again with {@code Reference.referent} retaining (MAT) or not. */
    public void setWeakReferencesIgnored(boolean ignored) {
        if (ignored == weakReferencesIgnored.get()) {
            return;
        }
        weakReferencesIgnored.set(ignored);
        Comparison current = comparison.get();
        if (current != null) {
            open(current.files());
        }
    }

    public void back() {
        navigator.back();
    }

    public void forward() {
        navigator.forward();
    }

    public void showWelcome() {
        navigator.goTo(new Place.Welcome());
    }

    public void showOverview() {
        if (comparison.get() != null) {
            navigator.goTo(new Place.Overview());
        }
    }

    public void showClasses() {
        if (comparison.get() != null) {
            navigator.goTo(new Place.Classes());
        }
    }

    public void showThreads() {
        Comparison current = comparison.get();
        if (current != null) {
            navigator.goTo(new Place.Threads(current.lastIndex()));
        }
    }

    public void showInspections() {
        if (comparison.get() != null) {
            navigator.goTo(new Place.Inspections("strings"));
        }
    }

    public void showDominatorTree() {
        Comparison current = comparison.get();
        if (current != null) {
            navigator.goTo(new Place.Dominators(current.lastIndex(), null));
        }
    }

    /**
     * Whether opening or dropping files must first ask what to do with them: a comparison is open, and they
     * can start a new one or join it (see {@link #addToComparison}).
     */
    public boolean asksBeforeOpening() {
        return comparison.get() != null && !(navigator.current() instanceof Place.Welcome);
    }

    /** Files dropped on the welcome screen join its list, to be compared when the user says so. */
    public void dropFiles(List<Path> files) {
        if (!files.isEmpty()) {
            welcome.addDropped(files);
        }
    }

    /**
     * Opens the open comparison's snapshots followed by {@code files} as one series. Once read, the added
     * snapshots are checked against the ones before them; where they seem to come from another process,
     * {@link #processWarningProperty()} says why.
     */
    public void addToComparison(List<Path> files) {
        Comparison current = comparison.get();
        if (current == null) {
            open(files);
            return;
        }
        if (files.isEmpty() || loading.runningProperty().get()) {
            return;
        }
        List<Path> series = new java.util.ArrayList<>(current.files());
        files.stream().filter(file -> !series.contains(file)).forEach(series::add);
        firstAddedSnapshot = current.size();
        open(series);
    }

    /** Why the snapshots just added seem to come from another process than the others; empty otherwise. */
    public ReadOnlyStringProperty processWarningProperty() {
        return processWarning.getReadOnlyProperty();
    }

    /** The report JSON for the clipboard; says in the status line what was copied. */
    public String copyReportJson() {
        if (suspectsPending.get()) {
            status.tell("The suspects are still being searched: copy the report once the overview shows them.");
            return "";
        }
        String json = reportJson();
        status.tell(json.isEmpty() ? "Nothing to copy: open dumps first."
                : "Copied the report as JSON (" + dev.heapdelta.app.gui.format.HumanSizes.size(json.length())
                        + ").");
        return json;
    }

    /**
     * Writes the leak report PDF in the background, the same document as {@code diff --pdf}. String
     * contents are redacted unless {@code includeStrings}; the report is then rebuilt with them.
     */
    public void exportReport(Path output, boolean includeStrings) {
        Comparison current = comparison.get();
        if (current == null || exporting.get()) {
            return;
        }
        if (suspectsPending.get()) {
            status.tell("The suspects are still being searched: export the report once the overview shows them.");
            return;
        }
        exporting.set(true);
        status.working("Writing the leak report to " + output.getFileName() + "…");
        BackgroundJob.run(context.executor(), "export the leak report", () -> {
            DiffReport report = current.report();
            if (report.includeStrings() != includeStrings) {
                List<Snapshot> snapshots = new java.util.ArrayList<>();
                for (int i = 0; i < current.size(); i++) {
                    snapshots.add(current.snapshot(i));
                }
                report = DiffReports.of(snapshots, includeStrings);
                ApplicationClasses classes = context.applicationClasses().load(current.files());
                if (!classes.isEmpty()) {
                    // The rebuilt report lists the same code sites as the overview's.
                    report = classes.applyTo(report, snapshots);
                }
            }
            return LeakReportPdf.write(report, output, ReportOptions.defaults(VersionProvider.version()),
                    ReportProgress.NONE, CancelSignal.NEVER);
        }, pages -> {
            exporting.set(false);
            status.tell("Leak report written: " + output + " (" + pages + " pages).");
        }, problem -> {
            exporting.set(false);
            status.tell("The leak report could not be written.");
            failureHandler.accept(new LoadFailure(output.toString(),
                    "the leak report could not be written: " + problem.getMessage(), false));
        });
    }

    /** The diff report as the {@code diff --json} document; empty when nothing is open. */
    public String reportJson() {
        Comparison current = comparison.get();
        return current == null ? "" : DiffJson.toJson(current.report());
    }

    /** The overview of the open comparison, made once per comparison. */
    public OverviewViewModel overview() {
        if (overview == null) {
            overview = new OverviewViewModel(requireComparison(), navigator, context.executor());
        }
        return overview;
    }

    /**
     * The class diff table, made once per comparison (by the load, off the FX thread) so that its filter
     * survives navigation.
     */
    public ClassDiffViewModel classDiff() {
        if (classDiff == null) {
            Comparison current = requireComparison();
            classDiff = classTableOf(current);
        }
        return classDiff;
    }

    public ClassInstancesViewModel instances(Place.Instances place) {
        return new ClassInstancesViewModel(requireComparison(), place, navigator, context.executor());
    }

    public ClassInstancesViewModel heldInstances(Place.HeldInstances place) {
        return new ClassInstancesViewModel(requireComparison(), place, navigator, context.executor());
    }

    /**
     * "Go to object": opens the inspector on the object written {@code 0x…} or {@code @…}, looked up first in
     * the snapshot of the current place, then in the others from the last. Returns why nothing was opened, or
     * an empty string.
     */
    public String goToObject(String writtenId) {
        Comparison current = comparison.get();
        if (current == null) {
            return "Open dumps first.";
        }
        String id = writtenId == null ? "" : writtenId.strip();
        try {
            dev.heapdelta.analyzer.format.ObjectIds.parse(id);
        } catch (IllegalArgumentException e) {
            return "Not an object id: write 0x1a2b… (HPROF) or @12345 (V8).";
        }
        java.util.List<Integer> order = new java.util.ArrayList<>();
        int here = snapshotOf(navigator.current());
        if (here >= 0) {
            order.add(here);
        }
        for (int i = current.lastIndex(); i >= 0; i--) {
            if (i != here) {
                order.add(i);
            }
        }
        for (int snapshot : order) {
            java.util.Optional<dev.heapdelta.app.gui.session.ObjectRef> found = current.resolve(snapshot, id);
            if (found.isPresent()) {
                navigator.goTo(new Place.Inspector(found.get()));
                status.tell("Opened " + id + " in " + current.shortName(snapshot) + ".");
                return "";
            }
        }
        return "No object " + id + " in " + (current.size() == 1 ? "this snapshot." : "any of the snapshots.");
    }

    private static int snapshotOf(Place place) {
        if (place instanceof Place.Instances instances) {
            return instances.snapshot();
        }
        if (place instanceof Place.HeldInstances held) {
            return held.holder().snapshot();
        }
        if (place instanceof Place.Dominators dominators) {
            return dominators.snapshot();
        }
        if (place instanceof Place.ObjectPath path) {
            return path.object().snapshot();
        }
        if (place instanceof Place.ClassPaths paths) {
            return paths.snapshot();
        }
        if (place instanceof Place.Inspector inspector) {
            return inspector.object().snapshot();
        }
        return -1;
    }

    public DominatorTreeViewModel dominators(Place.Dominators place) {
        return new DominatorTreeViewModel(requireComparison(), place, navigator);
    }

    public PathsViewModel paths(Place.Paths place) {
        return new PathsViewModel(requireComparison(), place, navigator, context.executor());
    }

    /** A fresh "Acquire heap dump" dialog state; what it captures opens here as a series. */
    public dev.heapdelta.app.gui.acquire.AcquireViewModel acquire() {
        return new dev.heapdelta.app.gui.acquire.AcquireViewModel(context.executor(),
                javafx.application.Platform::runLater, dev.heapdelta.app.capture.CommandEnvironment.inherited(),
                this::open);
    }

    public OqlViewModel oql(Place.Oql place) {
        return new OqlViewModel(requireComparison(), place, navigator, context.executor(), oqlHistory);
    }

    /** Opens the OQL console on the last snapshot, the one a question is usually about. */
    public void showOql() {
        Comparison current = comparison.get();
        if (current != null) {
            navigator.goTo(new Place.Oql(current.shortNames().size() - 1));
        }
    }

    public dev.heapdelta.app.gui.threads.ThreadsViewModel threads(Place.Threads place) {
        return new dev.heapdelta.app.gui.threads.ThreadsViewModel(requireComparison(), place, navigator,
                context.executor());
    }

    public dev.heapdelta.app.gui.inspections.InspectionsViewModel inspections(Place.Inspections place) {
        return new dev.heapdelta.app.gui.inspections.InspectionsViewModel(requireComparison(), place, navigator,
                context.executor());
    }

    public InspectorViewModel inspector(Place.Inspector place) {
        return new InspectorViewModel(requireComparison(), place, navigator, context.executor());
    }

    private Comparison requireComparison() {
        Comparison current = comparison.get();
        if (current == null) {
            throw new IllegalStateException("no comparison is open");
        }
        return current;
    }

    private AnalysisOptions options() {
        return AnalysisOptions.defaults().withWeakReferences(
                weakReferencesIgnored.get() ? WeakReferencePolicy.IGNORE : WeakReferencePolicy.MAT);
    }

    /**
     * Runs on the load's worker thread: the overview's figures and its charts for the light theme, the
     * one the window opens in, are made here, and the class table's rows (one per class, tens of
     * thousands in a large dump), so that showing either the first time only makes nodes. A comparison whose
     * suspects are pending gets the search for them, started once it is shown.
     */
    private PreparedViewModels prepareViewModels(Comparison read) {
        int added = firstAddedSnapshot;
        List<String> differentProcesses = added > 0
                ? dev.heapdelta.app.gui.session.SameProcessCheck.reasons(read, added) : List.of();
        if (read.suspectsPending()) {
            SuspectSearch<PreparedViewModels> search = new SuspectSearch<>(read, context.executor(),
                    this::prepareWithSuspects);
            OverviewViewModel overview = new OverviewViewModel(read, navigator, context.executor(), search);
            overview.prepareCharts(false);
            return new PreparedViewModels(overview, classTableOf(read), differentProcesses, read, "", search);
        }
        PreparedViewModels found = prepareWithSuspects(read);
        return new PreparedViewModels(found.overview(), classTableOf(found.comparison()), differentProcesses,
                found.comparison(), found.codeSiteProblem(), null);
    }

    /**
     * Runs on a worker thread once a comparison has its suspects: their code sites where application classes
     * are remembered for its dumps, and its overview with the charts for the light theme. The class table stays
     * the one made with the load (null here): the suspects do not change it.
     */
    private PreparedViewModels prepareWithSuspects(Comparison found) {
        Comparison loaded = found;
        String codeSiteProblem = "";
        ApplicationClasses classes = context.applicationClasses().load(found.files());
        if (!classes.isEmpty()) {
            try {
                loaded = found.withReport(classes.applyTo(found.report(), found.snapshots()));
            } catch (IllegalArgumentException | java.io.IOException e) {
                codeSiteProblem = "The application classes remembered for these dumps could not be read ("
                        + e.getMessage() + "): File › Application classes… sets them again.";
            }
        }
        OverviewViewModel overview = new OverviewViewModel(loaded, navigator, context.executor());
        overview.prepareCharts(false);
        return new PreparedViewModels(overview, null, List.of(), loaded, codeSiteProblem, null);
    }

    /** The application classes given for the open comparison; {@link ApplicationClasses#NONE} when none. */
    public ApplicationClasses applicationClasses() {
        Comparison current = comparison.get();
        return current == null ? ApplicationClasses.NONE : context.applicationClasses().load(current.files());
    }

    /**
     * Remembers {@code classes} for the open comparison's dumps and scans them in the background: the
     * overview then shows each suspect's code sites. A class path entry that does not exist, or a jar that
     * cannot be read, is an error dialog; the overview stays as it was.
     */
    public void setApplicationClasses(ApplicationClasses classes) {
        Comparison current = comparison.get();
        if (current == null || loading.runningProperty().get()) {
            return;
        }
        if (suspectsPending.get()) {
            status.tell("The suspects are still being searched: set the application classes once the overview"
                    + " shows them.");
            return;
        }
        status.working(classes.isEmpty() ? "Removing the code sites…" : "Scanning the application classes…");
        BackgroundJob.run(context.executor(), "scan the application classes", () -> {
            Comparison scanned = current.withReport(classes.applyTo(current.report(), current.snapshots()));
            context.applicationClasses().save(current.files(), classes);
            OverviewViewModel overview = new OverviewViewModel(scanned, navigator, context.executor());
            overview.prepareCharts(false);
            return new PreparedViewModels(overview, classTableOf(scanned), List.of(), scanned, "", null);
        }, prepared -> {
            if (comparison.get() == current) {
                loaded(prepared.comparison(), prepared);
                long withSites = prepared.comparison().report().suspects().stream()
                        .filter(suspect -> !suspect.codeSites().isEmpty()).count();
                status.tell(classes.isEmpty() ? "Code sites removed." : String.format(java.util.Locale.ROOT,
                        "Application classes scanned: %d of %d suspects have code sites.", withSites,
                        prepared.comparison().report().suspects().size()));
            }
        }, problem -> {
            status.tell("The application classes could not be scanned.");
            failureHandler.accept(new LoadFailure("application classes", problem.getMessage(), true));
        });
    }

    /** The class table: every class of the diff, and the classes without instances, whose statics may hold a leak. */
    private ClassDiffViewModel classTableOf(Comparison loaded) {
        return ClassDiffViewModel.ofRows(loaded.report().classes(), ClassesWithoutInstances.of(loaded),
                loaded.shortNames(), navigator, loaded::classObjectOf)
                .withSelectionRetainedSet(new SelectionRetainedSet(loaded, context.executor()));
    }

    private void loaded(Comparison read, PreparedViewModels prepared) {
        Comparison loaded = prepared.comparison();
        Comparison previous = comparison.get();
        if (previous != null) {
            closeUnshared(previous, loaded);
        }
        overview = prepared.overview();
        classDiff = prepared.classDiff();
        comparison.set(loaded);
        List<Path> remembered = loaded.files().stream().filter(file -> !exampleFiles.contains(file)).toList();
        if (!remembered.isEmpty()) {
            welcome.rememberOpened(remembered);
        }
        status.rest(statusOf(loaded));
        if (!prepared.codeSiteProblem().isEmpty()) {
            status.tell(prepared.codeSiteProblem());
        }
        navigator.reset(new Place.Overview());
        firstAddedSnapshot = -1;
        processWarning.set("");
        if (!prepared.differentProcesses().isEmpty()) {
            processWarning.set("These dumps seem to come from different processes, so what grew between them says"
                    + " nothing about a leak: " + String.join("; ", prepared.differentProcesses()) + ".");
        }
        searchSuspects(prepared.suspectSearch());
    }

    /** Starts the search for a comparison's suspects, in place of any search for the one before; null for none. */
    private void searchSuspects(SuspectSearch<PreparedViewModels> search) {
        if (suspectSearch != null && suspectSearch != search) {
            suspectSearch.cancel();
        }
        suspectSearch = search;
        suspectsPending.set(search != null);
        if (search != null) {
            search.start(found -> suspectsFound(search, found), (damaged, damage) -> entryFoundDamaged(search,
                    damaged, damage));
        }
    }

    /**
     * The search found an index-cache entry that the overview showed unchecked damaged, and deleted it: the status
     * line says so, as when a load finds the damage at once, and the series is loaded again, that dump afresh.
     */
    private void entryFoundDamaged(SuspectSearch<PreparedViewModels> search, Snapshot damaged,
            DamagedIndexCacheEntryException damage) {
        Comparison current = comparison.get();
        if (search != suspectSearch || current != search.comparison()) {
            return;
        }
        suspectSearch = null;
        int index = current.snapshots().indexOf(damaged);
        status.tell((index < 0 ? damaged.file() : current.shortName(index)) + ": " + damage.getMessage());
        open(current.files(), Set.of(damaged));
    }

    /** A search the opening of other files cancelled: those did not replace its comparison, so it goes on. */
    private void resumeSuspectSearch() {
        if (suspectSearch != null && suspectSearch.comparison() == comparison.get()) {
            suspectSearch.retry();
        }
    }

    /**
     * The suspects are found: the comparison with them replaces the one without, which shares its snapshots, and
     * the overview is drawn again; the place the user is at stays.
     */
    private void suspectsFound(SuspectSearch<PreparedViewModels> search, PreparedViewModels prepared) {
        if (search != suspectSearch || comparison.get() != search.comparison()) {
            return;
        }
        suspectSearch = null;
        overview = prepared.overview();
        comparison.set(prepared.comparison());
        suspectsPending.set(false);
        status.rest(statusOf(prepared.comparison()));
        if (!prepared.codeSiteProblem().isEmpty()) {
            status.tell(prepared.codeSiteProblem());
        }
    }

    private void failed(LoadFailure failure) {
        firstAddedSnapshot = -1;
        resumeSuspectSearch();
        welcome.chosenFiles().stream()
                .filter(file -> file.toString().equals(failure.file()))
                .findFirst()
                .ifPresent(welcome::remove);
        status.tell(failure.headline());
        failureHandler.accept(failure);
    }

    private static void closeUnshared(Comparison previous, Comparison loaded) {
        Set<Snapshot> kept = new HashSet<>();
        for (int i = 0; i < loaded.size(); i++) {
            kept.add(loaded.snapshot(i));
        }
        for (int i = 0; i < previous.size(); i++) {
            Snapshot snapshot = previous.snapshot(i);
            if (!kept.contains(snapshot)) {
                try {
                    snapshot.close();
                } catch (Exception ignored) {
                    // Only file handles are released; the new comparison does not depend on them.
                }
            }
        }
    }

    private static String statusOf(Comparison loaded) {
        StringBuilder text = new StringBuilder();
        text.append(loaded.size()).append(loaded.size() == 1 ? " snapshot" : " snapshots");
        text.append(" · ").append(loaded.report().snapshots().get(0).format().toUpperCase(java.util.Locale.ROOT));
        text.append(" · ").append(loaded.report().classes().size()).append(" classes");
        int suspects = loaded.report().suspects().size();
        text.append(" · ").append(loaded.suspectsPending() ? "looking for suspects"
                : suspects + (suspects == 1 ? " suspect" : " suspects"));
        text.append(" · retention: ").append(loaded.report().retention());
        return text.toString();
    }
}
