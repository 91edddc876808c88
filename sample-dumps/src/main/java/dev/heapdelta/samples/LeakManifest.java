package dev.heapdelta.samples;

import dev.heapdelta.samples.service.PatternExpectation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code manifest.json} for the Java examples: the snapshots, and for each pattern where it lives, its
 * element count per snapshot (in snapshot order) and its expected trend.
 */
final class LeakManifest {
    /** One dump of the series. */
    record Snapshot(String label, int requests, String file, long bytes) {
    }

    private LeakManifest() {
    }

    static String render(List<Snapshot> snapshots, List<PatternExpectation> patterns, String javaVersion,
            List<String> vmOptions, String secretMarker) {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n");
        json.append("  \"program\": ").append(quote(LeakingJvmService.class.getName())).append(",\n");
        json.append("  \"java\": ").append(quote(javaVersion)).append(",\n");
        json.append("  \"vmOptions\": [").append(vmOptions.stream().map(LeakManifest::quote)
                .collect(Collectors.joining(", "))).append("],\n");
        json.append("  \"dump\": \"HotSpotDiagnosticMXBean.dumpHeap(file, live=true), then gzip\",\n");
        json.append("  \"secretMarker\": ").append(quote(secretMarker)).append(",\n");
        json.append("  \"snapshots\": [\n");
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot snapshot = snapshots.get(i);
            json.append("    {\"label\": ").append(quote(snapshot.label()))
                    .append(", \"file\": ").append(quote(snapshot.file()))
                    .append(", \"requests\": ").append(snapshot.requests())
                    .append(", \"bytes\": ").append(snapshot.bytes()).append('}')
                    .append(i + 1 < snapshots.size() ? ",\n" : "\n");
        }
        json.append("  ],\n");
        json.append("  \"patterns\": [\n");
        for (int i = 0; i < patterns.size(); i++) {
            appendPattern(json, patterns.get(i), snapshots);
            json.append(i + 1 < patterns.size() ? ",\n" : "\n");
        }
        json.append("  ]\n");
        json.append("}\n");
        return json.toString();
    }

    private static void appendPattern(StringBuilder json, PatternExpectation pattern, List<Snapshot> snapshots) {
        String elements = snapshots.stream()
                .map(snapshot -> Integer.toString(pattern.elementsAfterRequests().applyAsInt(snapshot.requests())))
                .collect(Collectors.joining(", "));
        json.append("    {\"pattern\": ").append(quote(pattern.pattern()))
                .append(", \"class\": ").append(quote(pattern.owner().getName()))
                .append(", \"staticField\": ").append(quote(pattern.staticField()))
                .append(", \"pathKey\": ").append(quote(pattern.pathKey()))
                .append(",\n     \"container\": ").append(quote(pattern.container()))
                .append(", \"leak\": ").append(pattern.isLeak())
                .append(", \"expectedSuspect\": ")
                .append(pattern.expectedSuspect() == null ? "null" : quote(pattern.expectedSuspect()))
                .append(",\n     \"elements\": [").append(elements).append(']')
                .append(", \"expectedTrend\": ").append(quote(pattern.expectedTrend()))
                .append(",\n     \"description\": ").append(quote(pattern.description())).append('}');
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
