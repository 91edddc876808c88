package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.codesites.ApplicationClassPath;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteFinder;
import dev.heapdelta.analyzer.codesites.HolderField;
import dev.heapdelta.analyzer.codesites.ModuleVariableSites;
import dev.heapdelta.analyzer.codesites.SourceLines;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds to each suspect of a report the statements of the application that fill and empty its container
 * ({@code codeSites}), from the application's classes; and, when the sources are given, their lines' text.
 */
public final class CodeSiteReports {
    private CodeSiteReports() {
    }

    /**
     * @param snapshots the report's snapshots, still open: the holders are read off the last one holding each
     * @param classPath null when no classes were given
     * @param sources null when no sources were given
     */
    public static DiffReport withCodeSites(DiffReport report, List<Snapshot> snapshots, ApplicationClassPath classPath,
            SourceLines sources) throws IOException {
        List<List<HolderField>> holdersBySuspect = new ArrayList<>();
        Set<HolderField> all = new LinkedHashSet<>();
        for (Suspect suspect : report.suspects()) {
            List<HolderField> holders = SuspectHolders.of(suspect, snapshots.get(snapshotOfPath(suspect, snapshots)));
            holdersBySuspect.add(holders);
            all.addAll(holders);
        }
        CodeSiteFinder finder = classPath == null || all.isEmpty() ? null : CodeSiteFinder.scan(classPath, all);
        List<Suspect> suspects = new ArrayList<>();
        for (int i = 0; i < report.suspects().size(); i++) {
            Suspect suspect = report.suspects().get(i);
            List<CodeSite> sites = finder == null ? List.of() : finder.sitesOf(holdersBySuspect.get(i));
            if (sources != null) {
                sites = sites.isEmpty()
                        ? moduleSites(suspect, snapshots.get(snapshotOfPath(suspect, snapshots)), sources)
                        : sources.withText(sites);
            }
            suspects.add(suspect.withCodeSites(sites));
        }
        return report.withSuspects(suspects);
    }

    /** V8: the calls on the module variable holding the suspect, from the module's source parsed. */
    private static List<CodeSite> moduleSites(Suspect suspect, Snapshot snapshot, SourceLines sources) {
        SuspectModules.ModuleVariable holder = SuspectModules.of(suspect, snapshot);
        String text = holder == null ? null : sources.textOfFileNamed(holder.scriptFile());
        if (text == null) {
            return List.of();
        }
        List<String> lines = text.lines().toList();
        List<CodeSite> sites = new ArrayList<>();
        for (CodeSite site : ModuleVariableSites.find(text, holder.scriptFile(), holder.variable())) {
            sites.add(site.line() >= 1 && site.line() <= lines.size()
                    ? site.withSourceText(lines.get(site.line() - 1).strip()) : site);
        }
        return sites;
    }

    /** The path to root is taken in the last snapshot where the suspect is present. */
    private static int snapshotOfPath(Suspect suspect, List<Snapshot> snapshots) {
        String[] ids = suspect.objectIds();
        if (ids != null) {
            for (int s = ids.length - 1; s >= 0; s--) {
                if (ids[s] != null) {
                    return s;
                }
            }
        }
        return snapshots.size() - 1;
    }
}
