package dev.heapdelta.app.codesites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.codesites.ApplicationClassPath;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteKind;
import dev.heapdelta.analyzer.codesites.SourceLines;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.CodeSiteReports;
import dev.heapdelta.analyzer.report.CodeSiteWords;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code sites on dumps of {@link LeakingShop}, whose compiled classes are the class path: for every way of
 * filling a container, the suspect names the file and line that the generated source marks. Suspects are
 * found by their path to the root (the field they pass through), not by their titles.
 */
class CodeSitesOfJavaLeaksTest {
    @TempDir
    static Path directory;

    static final List<Snapshot> snapshots = new ArrayList<>();
    static LeakingShop shop;
    static DiffReport plain;
    static DiffReport fromClasses;
    static DiffReport fromFatJar;

    @BeforeAll
    static void runTheShopAndFindItsCodeSites() throws Exception {
        shop = LeakingShop.build(directory);
        for (Path dump : shop.dumps) {
            snapshots.add(SnapshotLoader.load(dump, dump.toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                    ProgressListener.NONE));
        }
        plain = DiffReports.of(snapshots, false);
        fromClasses = CodeSiteReports.withCodeSites(plain, snapshots,
                ApplicationClassPath.parse(shop.classes.toString()), SourceLines.parse(shop.sources.toString()));
        Path fatJar = BootJar.write(directory.resolve("shop-boot.jar"), shop.classes, guavaJar());
        fromFatJar = CodeSiteReports.withCodeSites(plain, snapshots, ApplicationClassPath.parse(fatJar.toString()),
                null);
    }

    @AfterAll
    static void close() {
        snapshots.forEach(Snapshot::close);
    }

    @Test
    void staticMapIsFilledAtItsPutAndThroughItsPrivateHelper() {
        List<CodeSite> sites = sitesThrough(fromClasses, "ORDERS");
        assertSite(sites, "static-map", CodeSiteKind.INSERT, "Map.put", false);
        assertSite(sites, "helper", CodeSiteKind.INSERT, "Map.putIfAbsent", true);
        assertEquals("Inserted at 2 sites, never removed", CodeSiteWords.tally(sites));
    }

    @Test
    void instanceFieldOfASingletonIsFilledInItsMethodAndThroughItsGetter() {
        List<CodeSite> sites = sitesThrough(fromClasses, "retryTimers");
        assertSite(sites, "singleton", CodeSiteKind.INSERT, "List.add", false);
        assertSite(sites, "getter", CodeSiteKind.INSERT, "List.add", true);
        assertEquals("shop.PaymentGateway", sites.get(0).className(), "direct sites rank before indirect ones");
    }

    @Test
    void threadLocalValueIsFilledWhereTheThreadLocalIsSetAndWhereItsValueIsAddedTo() {
        List<CodeSite> sites = sitesThrough(fromClasses, "threadLocals");
        assertSite(sites, "thread-local-set", CodeSiteKind.INSERT, "ThreadLocal.set", false);
        assertSite(sites, "thread-local-add", CodeSiteKind.INSERT, "List.add", false);
    }

    @Test
    void scheduledExecutorIsFilledWhereTasksAreScheduled() {
        Suspect suspect = suspectWhere(fromClasses, s -> s.pathToRoot().stream()
                .anyMatch(step -> step.className().contains("ScheduledThreadPoolExecutor")));
        assertSite(suspect.codeSites(), "scheduled", CodeSiteKind.INSERT,
                "ScheduledExecutorService.scheduleAtFixedRate", false);
    }

    @Test
    void rootLoggerHandlersAreRegisteredWhereTheApplicationCallsAddHandler() {
        List<CodeSite> sites = sitesThrough(fromClasses, "handlers");
        assertSite(sites, "logger", CodeSiteKind.REGISTER, "Logger.addHandler", false);
    }

    @Test
    void guavaCacheIsFilledAtItsPut() {
        assertSite(sitesThrough(fromClasses, "PROFILES"), "guava", CodeSiteKind.INSERT, "Cache.put", false);
    }

    @Test
    void lambdaBodyThatInsertsIsItsOwnSite() {
        List<CodeSite> sites = sitesThrough(fromClasses, "ENTRIES");
        assertSite(sites, "lambda", CodeSiteKind.INSERT, "List.add", false);
        assertTrue(sites.get(0).method().startsWith("lambda$log$"), sites.get(0).method());
    }

    @Test
    void boundedCacheShowsItsInsertAndItsRemoveSites() {
        List<CodeSite> sites = sitesThrough(fromClasses, "SESSIONS");
        assertSite(sites, "bounded-put", CodeSiteKind.INSERT, "Map.put", false);
        assertSite(sites, "bounded-remove", CodeSiteKind.REMOVE, "Map.remove", false);
        assertEquals(CodeSiteKind.REMOVE, sites.get(sites.size() - 1).kind(), "removals come last");
        assertEquals("Inserted at 1 site, removed at 1", CodeSiteWords.tally(sites));
    }

    @Test
    void sourcesGiveEachSiteTheTextOfItsLine() {
        CodeSite site = find(sitesThrough(fromClasses, "ORDERS"), "static-map");
        assertEquals(LeakingShop.textOf("static-map"), site.sourceText());
    }

    @Test
    void fatJarWithApplicationClassesAndNestedLibraryJarsGivesTheSameSites() {
        for (String field : List.of("ORDERS", "retryTimers", "PROFILES", "handlers", "SESSIONS", "ENTRIES")) {
            List<CodeSite> expected = sitesThrough(fromClasses, field).stream().map(s -> s.withSourceText(null))
                    .toList();
            assertEquals(expected, sitesThrough(fromFatJar, field), field);
        }
    }

    @Test
    void withoutAClassPathSuspectsHaveNoCodeSites() {
        assertTrue(plain.suspects().stream().allMatch(s -> s.codeSites().isEmpty()));
    }

    private static void assertSite(List<CodeSite> sites, String marker, CodeSiteKind kind, String call,
            boolean indirect) {
        CodeSite site = find(sites, marker);
        assertEquals(kind, site.kind(), site.toString());
        assertEquals(call, site.call(), site.toString());
        assertEquals(indirect, site.indirect(), site.toString());
    }

    private static CodeSite find(List<CodeSite> sites, String marker) {
        String file = LeakingShop.fileOf(marker);
        int line = LeakingShop.lineOf(marker);
        return sites.stream().filter(s -> file.equals(s.file()) && s.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no site at " + file + ":" + line + " in " + sites));
    }

    /** The sites of the suspect whose path to its root passes through the field {@code edge}. */
    private static List<CodeSite> sitesThrough(DiffReport report, String edge) {
        List<CodeSite> sites = suspectWhere(report,
                s -> s.pathToRoot().stream().anyMatch(step -> edge.equals(step.edge()))).codeSites();
        assertFalse(sites.isEmpty(), "no code sites through " + edge);
        return sites;
    }

    private static Suspect suspectWhere(DiffReport report, Predicate<Suspect> wanted) {
        return report.suspects().stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError(
                "no such suspect in " + report.suspects().stream().map(Suspect::title).toList()));
    }

    private static Path guavaJar() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("guava-")) {
                return Path.of(entry);
            }
        }
        throw new AssertionError("guava is not on the test class path");
    }
}
