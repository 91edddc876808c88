package dev.heapdelta.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * memlab's heap loader, {@code getFullHeapFromFile} of {@code @memlab/heap-analysis} (graph, dominators
 * and retained sizes), run by {@code node} on a V8 snapshot: the baseline {@code bench --commands} runs
 * side by side with HeapDelta. It is installed apart, e.g. {@code PUPPETEER_SKIP_DOWNLOAD=1 npm install
 * memlab@2.0.5} in a directory of one's own.
 */
record MemlabLoader(Path heapAnalysis, String version) {
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    /** Loads the snapshot and walks its nodes, so that nothing lazy is left out of the time. */
    private static final String SCRIPT = "const m=require(process.argv[1]);"
            + "m.getFullHeapFromFile(process.argv[2]).then(h=>{let n=0;h.nodes.forEach(()=>{n++});"
            + "console.log(n+' nodes');}).catch(e=>{console.error(String(e));process.exit(2);});";

    /** memlab under {@code directory} (its {@code node_modules}), or null when it is not installed there. */
    static MemlabLoader in(Path directory) throws IOException {
        Path module = directory.resolve("node_modules").resolve("@memlab").resolve("heap-analysis");
        Path manifest = module.resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Matcher version = VERSION.matcher(Files.readString(manifest));
        return new MemlabLoader(module.toAbsolutePath(), version.find() ? version.group(1) : "?");
    }

    List<String> command(String file) {
        return List.of("node", "-e", SCRIPT, heapAnalysis.toString(), Path.of(file).toAbsolutePath().toString());
    }
}
