package dev.heapdelta.app.codesites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteKind;
import dev.heapdelta.analyzer.codesites.SourceLines;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.CodeSiteReports;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8: a module whose Map and EventEmitter grow, written and run with {@code node} by the test, which writes
 * three heap snapshots. With the module's directory as the sources, the suspects held by its variables list
 * the {@code carts.set} and {@code bus.on} calls found on Rhino's syntax tree, at the lines the source marks.
 */
class CodeSitesOfNodeLeaksTest {
    static final String MODULE = """
            'use strict';
            const { EventEmitter } = require('events');

            const carts = new Map();
            const bus = new EventEmitter();
            bus.setMaxListeners(0);

            // carts.set('in a comment', 0) is not a call
            function remember(id) {
              const items = new Array(16).fill(id);
              carts.set('cart-' + id, { id, items }); // site:map-set
            }

            function subscribe(id) {
              const payload = new Array(8).fill(id);
              bus.on('order', () => payload.length); // site:emitter-on
            }

            function forget(id) {
              carts.delete('cart-' + id); // site:map-delete
            }

            module.exports = { remember, subscribe, forget };
            """;
    static final String MAIN = """
            const v8 = require('v8');
            const path = require('path');
            const cart = require('./cart.js');
            let id = 0;
            for (let round = 0; round < 3; round++) {
              const count = round === 0 ? 100 : 400;
              for (let i = 0; i < count; i++, id++) {
                cart.remember(id);
                cart.subscribe(id);
                if (i % 100 === 99) cart.forget(id - 1);
              }
              v8.writeHeapSnapshot(path.join(process.argv[2], 'cart-t' + round + '.heapsnapshot'));
            }
            """;

    @TempDir
    static Path directory;

    static final List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheModuleAndScanItsSource() throws Exception {
        TestEnvironment.requireNode();
        Path sources = Files.createDirectories(directory.resolve("app"));
        Files.writeString(sources.resolve("cart.js"), MODULE);
        Files.writeString(sources.resolve("main.js"), MAIN);
        Path out = Files.createDirectories(directory.resolve("snapshots"));
        Process node = new ProcessBuilder("node", sources.resolve("main.js").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("node.log").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed: " + Files.readString(directory.resolve("node.log")));
        for (int round = 0; round < 3; round++) {
            Path file = out.resolve("cart-t" + round + ".heapsnapshot");
            snapshots.add(SnapshotLoader.load(file, file.toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                    ProgressListener.NONE));
        }
        report = CodeSiteReports.withCodeSites(DiffReports.of(snapshots, false), snapshots, null,
                SourceLines.parse(sources.toString()));
    }

    @AfterAll
    static void close() {
        snapshots.forEach(Snapshot::close);
    }

    @Test
    void mapHeldByAModuleVariableIsFilledAtItsSetAndEmptiedAtItsDelete() {
        List<CodeSite> sites = sitesThrough("carts");
        CodeSite set = at(sites, "map-set");
        assertEquals(CodeSiteKind.INSERT, set.kind());
        assertEquals("carts.set", set.call());
        assertEquals("remember", set.method());
        assertEquals("remember(cart.js:" + lineOf("map-set") + ")", set.frame());
        assertEquals(CodeSiteKind.REMOVE, at(sites, "map-delete").kind());
        assertEquals(2, sites.size(), "the call in a comment is no site: " + sites);
    }

    @Test
    void emitterHeldByAModuleVariableIsRegisteredAtItsOn() {
        List<CodeSite> sites = sitesThrough("bus");
        CodeSite on = at(sites, "emitter-on");
        assertEquals(CodeSiteKind.REGISTER, on.kind());
        assertEquals("bus.on", on.call());
        assertEquals(MODULE.lines().toList().get(lineOf("emitter-on") - 1).strip(), on.sourceText());
    }

    @Test
    void listenerSuspectKeepsTheClosureLocationsTheSnapshotHolds() {
        Suspect listeners = suspectThrough("bus");
        assertTrue(listeners.locations().stream().anyMatch(l -> l.startsWith("cart.js:")), listeners.locations()
                .toString());
    }

    private static List<CodeSite> sitesThrough(String variable) {
        return suspectThrough(variable).codeSites();
    }

    private static Suspect suspectThrough(String variable) {
        return report.suspects().stream()
                .filter(s -> s.pathToRoot().stream().anyMatch(step -> variable.equals(step.edge())))
                .findFirst().orElseThrow(() -> new AssertionError("no suspect held by " + variable + " in "
                        + report.suspects().stream().map(Suspect::title).toList()));
    }

    private static CodeSite at(List<CodeSite> sites, String marker) {
        int line = lineOf(marker);
        return sites.stream().filter(s -> s.line() == line && "cart.js".equals(s.file())).findFirst()
                .orElseThrow(() -> new AssertionError("no site at cart.js:" + line + " in " + sites));
    }

    private static int lineOf(String marker) {
        List<String> lines = MODULE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// site:" + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no marker " + marker);
    }
}
