package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;

/** Plain words for suspect kinds and trends, for readers who have never opened a heap dump. */
final class SuspectWords {
    private SuspectWords() {
    }

    static String kind(SuspectKind kind) {
        return switch (kind) {
            case GROWING_COLLECTION -> "Growing collection";
            case LISTENER_ACCUMULATION -> "Listeners piling up";
            case GROWING_CLASS -> "Growing number of objects";
            case ACCUMULATION_POINT -> "Growth concentrated under one object";
            case LARGE_RETAINER -> "One object holding a large share of the heap";
            case LARGE_COLLECTION -> "One of the largest collections";
            case DUPLICATE_CLASS -> "Classes loaded more than once";
            case CLASSLOADER_LEAK -> "Class loaders left alive by each redeploy";
        };
    }

    /** What the element counts of this kind of suspect count. */
    static String elementNoun(SuspectKind kind) {
        return switch (kind) {
            case GROWING_COLLECTION -> "Entries";
            case LISTENER_ACCUMULATION -> "Listeners";
            case LARGE_COLLECTION -> "Entries";
            case DUPLICATE_CLASS -> "Copies";
            case CLASSLOADER_LEAK -> "Loaders";
            default -> "Objects";
        };
    }

    static String trend(Trend trend, String basis, int snapshots) {
        String words = switch (trend) {
            case GROWING -> snapshots > 2 ? "growing: up at every step" : "growing";
            case PLATEAU -> "plateau: grew, then stayed flat";
            case SHRINKING -> "shrinking";
            case FLAT -> "flat";
        };
        if ("single-snapshot".equals(basis)) {
            return "one dump: sizes only, no trend (take a later dump to see what grows)";
        }
        if ("two-snapshots".equals(basis)) {
            words += " (two dumps only: a plateau cannot be told apart)";
        } else {
            words += " (across " + snapshots + " dumps)";
        }
        return words;
    }

    /** The suspect's one sentence: its title, which already says what grew, where and by how much. */
    static String sentence(Suspect suspect) {
        String title = suspect.title().strip();
        return title.endsWith(".") ? title : title + ".";
    }
}
