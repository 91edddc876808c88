package dev.heapdelta.app.gui.overview;

import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.CodeSiteWords;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectText;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.loading.SuspectSearch;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "What leaked?": the heap totals, the top growing classes, and the ranked suspects of a comparison.
 * Its figures are computed in the constructor, which may run on a worker thread; after it is handed
 * to the FX thread, its methods are called there.
 */
public final class OverviewViewModel {
    static final int TOP_CLASSES = 10;
    static final int TREND_SUSPECTS = 5;
    private static final String ARROW = " → ";
    private static final java.util.regex.Pattern SAMPLE_ID = java.util.regex.Pattern.compile(
            "(?:^|\\s)(0x[0-9a-fA-F]+|@\\d+)(?=[,\\s]|$)");

    private final Comparison comparison;
    private final Navigator navigator;
    private final Executor executor;
    private final List<SnapshotTotal> totals;
    private final List<ClassGrowth> topGrowth;
    private final List<SuspectCard> cards;
    private final List<SuspectCard> largeRetainerCards;
    private final List<SuspectCard> boundedCacheCards;
    private final List<SuspectTrend> trends;
    private final int grownClasses;
    private final SuspectSearch<?> suspectSearch;
    private OverviewChartSet preparedCharts;
    private boolean preparedDark;

    /** @param executor where the charts of a theme not prepared yet are made */
    public OverviewViewModel(Comparison comparison, Navigator navigator, Executor executor) {
        this(comparison, navigator, executor, null);
    }

    /**
     * The overview of a comparison whose suspects {@code search} is still looking for; null for a comparison
     * that has its suspects.
     */
    public OverviewViewModel(Comparison comparison, Navigator navigator, Executor executor, SuspectSearch<?> search) {
        if (comparison.suspectsPending() != (search != null)) {
            throw new IllegalArgumentException("a comparison without its suspects yet needs the search for them");
        }
        this.suspectSearch = search;
        this.comparison = comparison;
        this.navigator = navigator;
        this.executor = executor;
        DiffReport report = comparison.report();
        this.totals = totalsOf(comparison);
        this.topGrowth = topGrowthOf(report.classes());
        this.grownClasses = (int) report.classes().stream().filter(row -> row.retainedGrowth() > 0).count();
        this.cards = cardsOf(comparison, report.suspects(), 1);
        this.largeRetainerCards = cardsOf(comparison, report.largeRetainers(), report.suspects().size() + 1);
        this.boundedCacheCards = cardsOf(comparison, report.boundedCaches(),
                report.suspects().size() + report.largeRetainers().size() + 1);
        this.trends = comparison.size() >= 3 ? trendsOf(report.suspects()) : List.of();
    }

    /** Whether the suspect cards are still being searched for: no cards then does not mean no suspects. */
    public boolean suspectsPending() {
        return suspectSearch != null;
    }

    /** The search for the suspects while {@link #suspectsPending()}; its state is what their place shows. */
    public SuspectSearch<?> suspectSearch() {
        if (suspectSearch == null) {
            throw new IllegalStateException("the suspects are found");
        }
        return suspectSearch;
    }

    public List<SnapshotTotal> totals() {
        return totals;
    }

    public List<ClassGrowth> topGrowth() {
        return topGrowth;
    }

    public List<SuspectCard> suspects() {
        return cards;
    }

    /** Objects holding over a tenth of the heap that did not grow: shown apart from the suspects. */
    public List<SuspectCard> largeRetainers() {
        return largeRetainerCards;
    }

    /** Caches that grew close to their configured maximum: shown apart, each saying why it is no leak. */
    public List<SuspectCard> boundedCaches() {
        return boundedCacheCards;
    }

    /** Retained size per snapshot of the top suspects; empty with fewer than three snapshots. */
    public List<SuspectTrend> trends() {
        return trends;
    }

    /**
     * Makes the charts for a theme on the calling thread, a worker's: the load prepares the theme the
     * window opens in before the overview is shown. Call before the view-model is handed to the FX thread.
     */
    public void prepareCharts(boolean dark) {
        preparedCharts = OverviewCharts.of(chartFigures(), dark);
        preparedDark = dark;
    }

    /**
     * Hands a new set of charts for a theme to {@code onReady} on the FX thread: the prepared set at
     * once if it is for this theme and no view has taken it yet, otherwise once a background job has
     * made one; a failure to make them goes to {@code onFailure}. Each view gets charts of its own, as a
     * chart keeps the viewers it was shown in as listeners. Call on the FX thread.
     */
    public void chartsFor(boolean dark, Consumer<OverviewChartSet> onReady, Consumer<Throwable> onFailure) {
        if (preparedCharts != null && preparedDark == dark) {
            OverviewChartSet prepared = preparedCharts;
            preparedCharts = null;
            onReady.accept(prepared);
            return;
        }
        ChartFigures figures = chartFigures();
        BackgroundJob.run(executor, "make the overview charts", () -> OverviewCharts.of(figures, dark), onReady,
                onFailure);
    }

    /** What the charts draw, and the note each carries on what it shows of the whole. */
    ChartFigures chartFigures() {
        return new ChartFigures(topGrowth, growthNote(), trends, trendNote(), snapshotNames());
    }

    /**
     * Says how many of the classes that grew the bars show, and that none is left out for its kind: a
     * holder's bar (a class object with its statics, a map, an array) counts what grows beneath it.
     */
    String growthNote() {
        if (topGrowth.isEmpty()) {
            return "";
        }
        String shown = grownClasses > topGrowth.size()
                ? "The " + topGrowth.size() + " of " + HumanSizes.count(grownClasses) + " classes that grew most"
                : grownClasses == 1 ? "The one class that grew" : "All " + grownClasses + " classes that grew";
        return shown + ", none left out for its kind: a holder (a class object with its statics, a map, an array)"
                + " counts what grows beneath it.";
    }

    /** Says which suspects the trend chart leaves out; empty when it draws them all. */
    String trendNote() {
        int suspects = comparison.report().suspects().size();
        return trends.isEmpty() || suspects <= trends.size() ? ""
                : "The first " + trends.size() + " of " + suspects + " suspects, by rank.";
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public boolean singleSnapshot() {
        return comparison.size() == 1;
    }

    /** One sentence on how the heap moved: the first line the user reads. */
    public String headline() {
        SnapshotTotal first = totals.get(0);
        SnapshotTotal last = totals.get(totals.size() - 1);
        if (totals.size() == 1) {
            return "One snapshot: " + HumanSizes.size(first.totalBytes()) + " in " + HumanSizes.count(first.objects())
                    + " objects; " + (suspectsPending() ? "looking for what holds it"
                            : cards.isEmpty() ? "nothing stands out"
                            : cards.size() == 1 ? "1 finding" : cards.size() + " findings")
                    + ". Add a later snapshot to see what grows.";
        }
        long growth = last.totalBytes() - first.totalBytes();
        String suspects = suspectsPending() ? "looking for leak suspects" : cards.isEmpty() ? "no leak suspects"
                : cards.size() == 1 ? "1 leak suspect" : cards.size() + " leak suspects";
        return "Heap " + (growth >= 0 ? "grew" : "shrank") + " from " + HumanSizes.size(first.totalBytes()) + " to "
                + HumanSizes.size(last.totalBytes()) + " (" + HumanSizes.delta(growth) + ") over " + totals.size()
                + " snapshots; " + suspects + ".";
    }

    /** A warning when a dump was truncated or damaged, or empty when all were read whole. */
    public String partialWarning() {
        List<String> partial = new ArrayList<>();
        for (SnapshotTotal total : totals) {
            if (total.partial()) {
                partial.add(total.name() + " (" + HumanSizes.size(total.lostBytes()) + " unreadable)");
            }
        }
        return partial.isEmpty() ? ""
                : "Partial analysis: " + String.join(", ", partial) + ". Figures cover what could be read.";
    }

    /** Opens the shortest path from a GC root to the suspect's object. */
    public void openPath(SuspectCard card) {
        objectOf(card).ifPresent(ref -> navigator.goTo(new Place.ObjectPath(ref)));
    }

    public void openDominators(SuspectCard card) {
        objectOf(card).ifPresent(ref -> navigator.goTo(new Place.Dominators(ref.snapshot(), ref)));
    }

    public void inspect(SuspectCard card) {
        objectOf(card).ifPresent(ref -> navigator.goTo(new Place.Inspector(ref)));
    }

    /**
     * Opens the instances of the suspect's class in the snapshot its path comes from, with the suspect's own
     * object (its container) selected among them.
     */
    public void openInstances(SuspectCard card) {
        Suspect suspect = suspectOf(card);
        navigator.goTo(new Place.Instances(keyOfClass(suspect.className()), suspect.className(),
                comparison.snapshotOf(suspect), objectOf(card).orElse(null)));
    }

    /** Opens the entries the suspect's container holds: the instances of its first evidence class under it. */
    public void openEntries(SuspectCard card) {
        if (card.hasEntries()) {
            openEvidence(card, 0);
        }
    }

    /** Opens the instances of one evidence class that the suspect's object holds, not every instance of it. */
    public void openEvidence(SuspectCard card, int index) {
        String className = card.evidenceClasses().get(index);
        objectOf(card).ifPresent(holder -> navigator.goTo(new Place.HeldInstances(holder, keyOfClass(className),
                className)));
    }

    /** Inspects the object a sample names, in the snapshot the samples were taken from. */
    public void openSample(SuspectCard card, int index) {
        String id = card.sampleIds().get(index);
        comparison.resolve(comparison.snapshotOf(suspectOf(card)), id)
                .ifPresent(ref -> navigator.goTo(new Place.Inspector(ref)));
    }

    public void showClasses() {
        navigator.goTo(new Place.Classes());
    }

    private Optional<ObjectRef> objectOf(SuspectCard card) {
        return comparison.objectOf(suspectOf(card));
    }

    private Suspect suspectOf(SuspectCard card) {
        List<Suspect> all = new ArrayList<>(comparison.report().suspects());
        all.addAll(comparison.report().largeRetainers());
        all.addAll(comparison.report().boundedCaches());
        return all.get(card.rank() - 1);
    }

    /** The diff's key for a class name: the name itself for HPROF, the first V8 group of that name. */
    private String keyOfClass(String className) {
        for (ClassDiffRow row : comparison.report().classes()) {
            if (row.name().equals(className)) {
                return row.key();
            }
        }
        return className;
    }

    private static List<SnapshotTotal> totalsOf(Comparison comparison) {
        List<SnapshotTotal> totals = new ArrayList<>();
        List<SnapshotRow> rows = comparison.report().snapshots();
        for (int i = 0; i < rows.size(); i++) {
            SnapshotRow row = rows.get(i);
            totals.add(new SnapshotTotal(comparison.shortName(i), row.format(), row.objects(), row.totalShallowBytes(),
                    row.partial(), row.lostBytes(), comparison.snapshot(i).graph().store().isMapped()));
        }
        return List.copyOf(totals);
    }

    static List<ClassGrowth> topGrowthOf(List<ClassDiffRow> classes) {
        List<ClassGrowth> growth = new ArrayList<>();
        classes.stream()
                .filter(row -> row.retainedGrowth() > 0)
                .sorted((a, b) -> Long.compare(b.retainedGrowth(), a.retainedGrowth()))
                .limit(TOP_CLASSES)
                .forEach(row -> growth.add(new ClassGrowth(row.name(), row.key(), row.retainedGrowth(),
                        lastOf(row.retainedBytes()))));
        return List.copyOf(growth);
    }

    /** Cards ranked from {@code firstRank}; with one snapshot, sizes stand where growth would. */
    private static List<SuspectCard> cardsOf(Comparison comparison, List<Suspect> suspects, int firstRank) {
        List<SuspectCard> cards = new ArrayList<>();
        boolean single = comparison.size() == 1;
        for (int i = 0; i < suspects.size(); i++) {
            Suspect suspect = suspects.get(i);
            List<String> evidence = new ArrayList<>();
            List<String> evidenceClasses = new ArrayList<>();
            for (Evidence item : suspect.evidence()) {
                evidence.add(item.name() + ": " + series(item.count(), HumanSizes::count) + (single
                        ? ", " + series(item.retainedBytes(), HumanSizes::size)
                        : " instances, " + HumanSizes.delta(item.retainedGrowth())));
                evidenceClasses.add(item.name());
            }
            List<String> sampleIds = suspect.samples().stream().map(OverviewViewModel::idInSample).toList();
            boolean hasClass = suspect.className() != null && !suspect.className().isEmpty();
            long lastRetained = lastOf(suspect.retainedBytes());
            cards.add(new SuspectCard(firstRank + i, suspect.kind().jsonName(), suspect.title(),
                    hasClass ? suspect.className() : "", suspect.pathKey() == null ? "" : suspect.pathKey(),
                    series(suspect.elements(), HumanSizes::count), series(suspect.retainedBytes(), HumanSizes::size),
                    single ? HumanSizes.size(lastRetained) : HumanSizes.delta(suspect.retainedGrowth()),
                    single ? lastRetained : suspect.retainedGrowth(), single ? "one snapshot" : suspect.trend().jsonName(),
                    List.copyOf(evidence), List.copyOf(evidenceClasses), List.copyOf(suspect.samples()), sampleIds,
                    List.copyOf(suspect.reasons()),
                    comparison.objectOf(suspect).isPresent(), hasClass,
                    suspect.otherPaths().stream().map(SuspectText::pathText).toList(),
                    Objects.requireNonNullElse(SuspectText.cacheNote(suspect), ""),
                    suspect.codeSites().isEmpty() ? "" : CodeSiteWords.tally(suspect.codeSites()),
                    suspect.codeSites().stream().map(OverviewViewModel::codeSiteLine).toList()));
        }
        return List.copyOf(cards);
    }

    private static SuspectCard.CodeSiteLine codeSiteLine(CodeSite site) {
        return new SuspectCard.CodeSiteLine(CodeSiteWords.line(site), site.frame(),
                site.sourceText() == null ? "" : site.line() + " | " + site.sourceText());
    }

    /** The id a sample starts with after its class name ({@code Session 0xfd…, retains …}), or empty. */
    static String idInSample(String sample) {
        java.util.regex.Matcher matcher = SAMPLE_ID.matcher(sample);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static List<SuspectTrend> trendsOf(List<Suspect> suspects) {
        List<SuspectTrend> trends = new ArrayList<>();
        for (Suspect suspect : suspects.subList(0, Math.min(TREND_SUSPECTS, suspects.size()))) {
            String label = suspect.pathKey() != null && !suspect.pathKey().isEmpty() ? suspect.pathKey()
                    : suspect.title();
            trends.add(new SuspectTrend(label, Arrays.asList(suspect.retainedBytes())));
        }
        return List.copyOf(trends);
    }

    /** {@code 100 → 200 → 300}, with {@code –} where absent. */
    static String series(Long[] values, Function<Long, String> format) {
        if (values == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Long value : values) {
            parts.add(value == null ? "–" : format.apply(value));
        }
        return String.join(ARROW, parts);
    }

    private static long lastOf(Long[] values) {
        Long last = values[values.length - 1];
        return last == null ? 0 : last;
    }
}
