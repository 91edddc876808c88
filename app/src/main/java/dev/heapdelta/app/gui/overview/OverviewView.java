package dev.heapdelta.app.gui.overview;

import dev.heapdelta.app.gui.controls.Icons;
import dev.heapdelta.app.gui.controls.Labels;
import dev.heapdelta.app.gui.controls.PulseQueue;
import dev.heapdelta.app.gui.format.HumanSizes;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;

/**
 * "What leaked?": heap totals, the growth charts and the ranked suspect cards. It is built over a few
 * pulses so that none is long: the totals and the first cards, then each chart (made off the FX thread)
 * in the space kept for it, then the remaining cards, a few per pulse.
 */
public final class OverviewView extends ScrollPane {
    private static final double CHART_HEIGHT = 320;
    private static final int CARDS_PER_PULSE = 2;

    private final PulseQueue laterPulses = new PulseQueue(this);

    public OverviewView(OverviewViewModel model, boolean dark) {
        setId("overviewView");
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");

        Label headline = Labels.styled(model.headline(), "title-3");
        headline.setId("overviewHeadline");
        headline.setWrapText(true);
        VBox content = new VBox(16, headline);
        content.setPadding(new Insets(20, 24, 24, 24));
        if (!model.partialWarning().isEmpty()) {
            Label warning = Labels.styled(model.partialWarning(), "warning-banner");
            warning.setId("partialWarning");
            warning.setWrapText(true);
            warning.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
            content.getChildren().add(warning);
        }
        content.getChildren().add(totals(model));
        // The charts are queued first: they are on screen, the cards after the first ones mostly below it.
        VBox charts = charts(model, dark);
        charts.setId("overviewCharts");
        charts.setMinWidth(360);
        charts.setPrefWidth(480);
        charts.setMaxWidth(560);
        // The suspects answer "what leaked?", so they take the wide column; the charts sit beside them.
        VBox suspects = suspects(model);
        HBox.setHgrow(suspects, Priority.ALWAYS);
        suspects.setMinWidth(420);
        HBox columns = new HBox(20, suspects, charts);
        content.getChildren().add(columns);
        setContent(content);
    }

    private static FlowPane totals(OverviewViewModel model) {
        FlowPane row = new FlowPane(12, 12);
        row.setId("snapshotTotals");
        long first = model.totals().get(0).totalBytes();
        for (int i = 0; i < model.totals().size(); i++) {
            SnapshotTotal total = model.totals().get(i);
            Label name = Labels.styled(total.name(), "text-muted", "text-small");
            Label size = Labels.styled(HumanSizes.size(total.totalBytes()), "title-2");
            size.setTooltip(new Tooltip(HumanSizes.exactBytes(total.totalBytes()) + " (sum of shallow sizes)"));
            Label objects = Labels.styled(HumanSizes.count(total.objects()) + " objects · " + total.format(),
                    "text-muted");
            VBox card = new VBox(2, name, size, objects);
            if (i > 0) {
                long delta = total.totalBytes() - first;
                Label change = Labels.styled(HumanSizes.delta(delta) + " since " + model.totals().get(0).name(),
                        delta > 0 ? "growth" : "shrink");
                card.getChildren().add(change);
            }
            if (total.partial()) {
                card.getChildren().add(Labels.styled("partial", "warning-chip"));
            }
            if (total.outOfCore()) {
                Label chip = Labels.styled("out of core", "text-muted", "text-small");
                chip.setId("outOfCoreChip-" + i);
                chip.setTooltip(new Tooltip("This dump did not fit in the Java heap: its object graph lives in"
                        + " memory-mapped index files, which is slower. Start HeapDelta with a larger -Xmx to keep it"
                        + " in memory."));
                card.getChildren().add(chip);
            }
            card.getStyleClass().add("total-card");
            card.setMinWidth(200);
            row.getChildren().add(card);
        }
        return row;
    }

    private VBox charts(OverviewViewModel model, boolean dark) {
        VBox column = new VBox(16);
        if (model.topGrowth().isEmpty()) {
            Label none = Labels.styled(model.singleSnapshot()
                    ? "Growth needs a second snapshot: add one from the start page or drop it here."
                    : "No class grew in retained size between the first and the last snapshot.", "text-muted");
            none.setId("noGrowth");
            none.setWrapText(true);
            column.getChildren().add(none);
            return column;
        }
        Region growthSpace = chartSpace();
        column.getChildren().add(growthSpace);
        Region trendSpace = chartSpace();
        if (!model.trends().isEmpty()) {
            column.getChildren().add(trendSpace);
        }
        // Each chart is first drawn in the layout pass that sizes it: one chart per pulse.
        model.chartsFor(dark, charts -> {
            charts.growth().ifPresent(chart -> laterPulses.add(() -> replace(column, growthSpace,
                    viewer(chart, "growthChart"))));
            charts.trend().ifPresent(chart -> laterPulses.add(() -> replace(column, trendSpace,
                    viewer(chart, "trendChart"))));
        }, problem -> {
            Label failed = Labels.styled("The charts could not be drawn: " + problem, "text-muted");
            failed.setWrapText(true);
            column.getChildren().setAll(failed);
        });
        return column;
    }

    private static Region chartSpace() {
        Region space = new Region();
        space.setPrefHeight(CHART_HEIGHT);
        space.setMinHeight(CHART_HEIGHT);
        return space;
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.setPrefHeight(CHART_HEIGHT);
        viewer.setMinHeight(CHART_HEIGHT);
        return viewer;
    }

    private static void replace(VBox column, Region space, ChartViewer viewer) {
        int at = column.getChildren().indexOf(space);
        if (at >= 0) {
            column.getChildren().set(at, viewer);
        }
    }

    private VBox suspects(OverviewViewModel model) {
        Label heading = Labels.styled(model.singleSnapshot() ? "What holds this snapshot's memory" : "Leak suspects",
                "title-3");
        heading.setId("suspectHeading");
        VBox list = new VBox(12, heading);
        list.setId("suspectList");
        if (model.singleSnapshot()) {
            Label note = Labels.styled("One snapshot has no trend: these are its largest retainers, collections and "
                    + "classes loaded more than once. Add a later snapshot to see what grows.", "text-muted");
            note.setWrapText(true);
            note.setId("singleSnapshotNote");
            list.getChildren().add(note);
        }
        if (model.suspectsPending()) {
            list.getChildren().add(new SuspectSearchCard(model.suspectSearch()));
            return list;
        }
        if (model.suspects().isEmpty()) {
            Label none = Labels.styled(model.singleSnapshot()
                    ? "Nothing stands out: no object retains a tenth of the heap, and no collection or duplicated"
                            + " class is large."
                    : "No leak suspects: nothing grew in a way that points at a leak. The class table lists every"
                            + " change.", "text-muted");
            none.setWrapText(true);
            none.setId("noSuspects");
            Hyperlink classes = new Hyperlink("Open the class table");
            classes.setOnAction(event -> model.showClasses());
            list.getChildren().addAll(none, classes);
            addLargeRetainers(model, list);
            addBoundedCaches(model, list);
            return list;
        }
        List<SuspectCard> cards = model.suspects();
        for (int from = 0; from < cards.size(); from += CARDS_PER_PULSE) {
            List<SuspectCard> batch = cards.subList(from, Math.min(cards.size(), from + CARDS_PER_PULSE));
            Runnable addBatch = () -> batch.forEach(card -> list.getChildren().add(card(model, card)));
            if (from == 0) {
                addBatch.run();
            } else {
                laterPulses.add(addBatch);
            }
        }
        addLargeRetainers(model, list);
        addBoundedCaches(model, list);
        return list;
    }

    /** Big but flat: below the suspects, under a heading of their own, never among them. */
    private void addLargeRetainers(OverviewViewModel model, VBox list) {
        if (model.largeRetainers().isEmpty()) {
            return;
        }
        Label heading = Labels.styled("Large retainers that did not grow", "title-4");
        heading.setId("largeRetainerHeading");
        Label note = Labels.styled("Each holds over a tenth of the heap, but its size stayed flat: not a leak suspect.",
                "text-muted", "text-small");
        note.setWrapText(true);
        List<SuspectCard> cards = model.largeRetainers();
        laterPulses.add(() -> {
            list.getChildren().addAll(heading, note);
            cards.forEach(card -> list.getChildren().add(card(model, card)));
        });
    }

    /** Caches filling toward their maximum: below the suspects, each card saying why it is none. */
    private void addBoundedCaches(OverviewViewModel model, VBox list) {
        if (model.boundedCaches().isEmpty()) {
            return;
        }
        Label heading = Labels.styled("Caches close to their maximum", "title-4");
        heading.setId("boundedCacheHeading");
        Label note = Labels.styled("Each grew, but the dump holds its configured maximum and it is close below it: it "
                + "evicts beyond that, so it is not a leak suspect.", "text-muted", "text-small");
        note.setWrapText(true);
        List<SuspectCard> cards = model.boundedCaches();
        laterPulses.add(() -> {
            list.getChildren().addAll(heading, note);
            cards.forEach(card -> list.getChildren().add(card(model, card)));
        });
    }

    private static VBox card(OverviewViewModel model, SuspectCard card) {
        Label rank = Labels.styled("#" + card.rank(), "rank-badge");
        rank.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = Labels.styled(card.kind(), "kind-chip", "kind-" + card.kind());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label title = Labels.styled(card.title(), "title-4");
        title.setWrapText(true);
        title.setId("suspectTitle-" + card.rank());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label growth = Labels.styled(card.growth(), "growth", "title-3");
        growth.setMinWidth(Region.USE_PREF_SIZE);
        growth.setTooltip(new Tooltip("Retained growth, first to last snapshot: "
                + HumanSizes.exactBytes(card.growthBytes())));
        HBox top = new HBox(10, rank, kind, title, spacer, growth);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(4, top);
        if (!card.pathKey().isEmpty()) {
            Hyperlink key = new Hyperlink(card.pathKey());
            key.getStyleClass().add("path-key");
            key.setTooltip(new Tooltip(card.hasObject() ? "Where the suspect lives: click to open its path to the GC roots"
                    : "Where the suspect lives: its path key"));
            key.setId("suspectPathKey-" + card.rank());
            key.setOnAction(event -> model.openPath(card));
            key.setDisable(!card.hasObject());
            body.getChildren().add(key);
        }
        body.getChildren().addAll(SuspectCardDetails.underPathKey(card));
        body.getChildren().add(figure("Retained", card.retained()));
        if (!card.counts().isEmpty()) {
            body.getChildren().add(figure(card.kind().contains("collection") || card.kind().contains("listener")
                    ? "Elements" : "Instances", card.counts()));
        }
        body.getChildren().add(figure("Trend", card.trend()));
        for (int i = 0; i < card.evidence().size(); i++) {
            int index = i;
            Hyperlink evidence = new Hyperlink("• " + card.evidence().get(i));
            evidence.getStyleClass().add("evidence");
            evidence.setId("evidenceLink-" + card.rank() + "-" + i);
            evidence.setWrapText(true);
            evidence.setTooltip(new Tooltip("List the " + card.evidenceClasses().get(i) + " instances this suspect holds"));
            evidence.setDisable(!card.hasObject());
            evidence.setOnAction(event -> model.openEvidence(card, index));
            body.getChildren().add(evidence);
        }
        if (!card.samples().isEmpty()) {
            VBox samples = new VBox(0, Labels.styled("Samples", "text-muted", "text-small"));
            for (int i = 0; i < card.samples().size(); i++) {
                int index = i;
                String text = card.samples().get(i);
                if (card.sampleIds().get(i).isEmpty()) {
                    Label plain = Labels.styled(text, "text-muted", "text-small");
                    plain.setWrapText(true);
                    samples.getChildren().add(plain);
                    continue;
                }
                Hyperlink sample = new Hyperlink(text);
                sample.getStyleClass().add("text-small");
                sample.setId("sampleLink-" + card.rank() + "-" + i);
                sample.setWrapText(true);
                sample.setTooltip(new Tooltip("Inspect " + card.sampleIds().get(i)));
                sample.setOnAction(event -> model.openSample(card, index));
                samples.getChildren().add(sample);
            }
            body.getChildren().add(samples);
        }
        body.getChildren().addAll(SuspectCardDetails.codeSites(card));
        if (!card.reasons().isEmpty()) {
            Label reasons = Labels.styled(String.join("; ", card.reasons()), "text-muted", "text-small");
            reasons.setWrapText(true);
            body.getChildren().add(reasons);
        }
        FlowPane actions = new FlowPane(8, 6);
        if (card.hasEntries()) {
            actions.getChildren().add(action("Entries: " + shortClass(card.evidenceClasses().get(0)), Feather.LAYERS,
                    "entriesButton-" + card.rank(), () -> model.openEntries(card)));
        }
        if (card.hasObject()) {
            actions.getChildren().addAll(
                    action("Path to GC roots", Feather.GIT_COMMIT, "pathButton-" + card.rank(),
                            () -> model.openPath(card)),
                    action("Dominator tree", Feather.GIT_MERGE, "dominatorsButton-" + card.rank(),
                            () -> model.openDominators(card)),
                    action("Inspect", Feather.SEARCH, "inspectButton-" + card.rank(), () -> model.inspect(card)));
        }
        if (card.hasClass()) {
            actions.getChildren().add(action("Instances of " + shortClass(card.className()), Feather.LIST,
                    "instancesButton-" + card.rank(), () -> model.openInstances(card)));
        }
        body.getChildren().add(actions);
        body.getStyleClass().add("suspect-card");
        body.setId("suspectCard-" + card.rank());
        body.setPadding(new Insets(14, 16, 14, 16));
        return body;
    }

    private static HBox figure(String name, String value) {
        Label label = Labels.styled(name, "text-muted", "figure-name");
        label.setMinWidth(80);
        Label text = new Label(value);
        text.setWrapText(true);
        return new HBox(8, label, text);
    }

    private static Button action(String text, Feather icon, String id, Runnable run) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        button.getStyleClass().add("small");
        button.setOnAction(event -> run.run());
        return button;
    }

    private static String shortClass(String className) {
        int dot = className.lastIndexOf('.');
        return dot >= 0 && !className.startsWith("{") ? className.substring(dot + 1) : className;
    }
}
