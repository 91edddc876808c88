package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteKind;
import dev.heapdelta.analyzer.codesites.PathList;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a SARIF result points. Code scanning shows an alert only at a file of the repository, so a result
 * needs a physical location: the statement that fills the suspect's container where code sites are known
 * ({@code --classpath}), the other code sites as related locations; else the file named by
 * {@code --sarif-anchor} (the build file, say). The path key always goes along as the logical location, the
 * "where" of a heap.
 *
 * @param anchor a repository-relative path for results without a code site, or null for none
 * @param sourceRoots the {@code --sources} directories, relative to the repository root, where a code site's
 *     source file is looked for; the Maven layout {@code src/main/java} when none holds it
 */
record SarifLocations(String anchor, List<Path> sourceRoots) {
    private static final String DEFAULT_SOURCE_ROOT = "src/main/java";
    /** Code scanning reads at most ten related locations. */
    private static final int MAX_RELATED = 10;

    static SarifLocations of(String anchor, String sources) {
        // A -sources.jar among them is read for source lines, but holds no file code scanning can point at.
        List<Path> roots = sources == null ? List.of()
                : PathList.existing("--sources", sources).stream().filter(Files::isDirectory).toList();
        return new SarifLocations(anchor, roots);
    }

    void write(JsonGenerator json, Suspect suspect) throws IOException {
        List<CodeSite> sites = suspect.codeSites().stream()
                .filter(site -> site.file() != null && site.line() > 0).toList();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        if (!sites.isEmpty()) {
            physical(json, uriOf(sites.get(0)), sites.get(0).line());
            message(json, sites.get(0));
        } else if (anchor != null) {
            physical(json, anchor, 1);
        }
        logical(json, suspect);
        json.writeEndObject();
        json.writeEndArray();
        if (sites.size() > 1) {
            json.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (CodeSite site : sites.subList(1, Math.min(sites.size(), MAX_RELATED + 1))) {
                json.writeStartObject();
                json.writeNumberField("id", id++);
                physical(json, uriOf(site), site.line());
                message(json, site);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    /** The source file's path from the repository root, forward slashes, as code scanning matches it. */
    String uriOf(CodeSite site) {
        int lastDot = site.className().lastIndexOf('.');
        String packagePath = lastDot < 0 ? "" : site.className().substring(0, lastDot).replace('.', '/') + "/";
        String relative = packagePath + site.file();
        Path here = Path.of("").toAbsolutePath();
        for (Path root : sourceRoots) {
            Path file = root.resolve(relative).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                // Run from the repository root, as CI does: the path code scanning knows the file by.
                Path shown = file.startsWith(here) ? here.relativize(file) : file;
                return shown.toString().replace('\\', '/');
            }
        }
        return DEFAULT_SOURCE_ROOT + "/" + relative;
    }

    private static void message(JsonGenerator json, CodeSite site) throws IOException {
        String verb = site.kind() == CodeSiteKind.REMOVE ? "removes from" : "adds to";
        SarifReport.text(json, "message", site.frame() + " " + verb + " it (" + site.call() + ")");
    }

    private static void physical(JsonGenerator json, String uri, int line) throws IOException {
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri);
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, line));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void logical(JsonGenerator json, Suspect suspect) throws IOException {
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("fullyQualifiedName", suspect.pathKey());
        json.writeStringField("kind", "member");
        json.writeEndObject();
        json.writeEndArray();
    }
}
