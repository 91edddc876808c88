package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every suspect of the bundled examples tells one story: the object whose path the card shows has
 * the card's path key, and a growing class's samples are instances of that class at that key (an
 * earlier vote over all instances put {@code String} growth at a JDK constant while its key named a
 * cache). Checked against the snapshot itself, not against stored text.
 */
class ExampleSuspectConsistencyTest {
    private static final Pattern SAMPLE_ID = Pattern.compile(" (0x[0-9a-f]+|@\\d+),");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Examples.Platform.class)
    void everyCardsPathAndSamplesAgreeWithItsKey(Examples.Platform platform) throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        try {
            for (Path file : Examples.copyTo(platform, dir.resolve("dumps"))) {
                snapshots.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                        CancelSignal.NEVER, ProgressListener.NONE));
            }
            DiffReport report = DiffReports.of(snapshots, false);
            Snapshot last = snapshots.get(snapshots.size() - 1);
            assertFalse(report.suspects().isEmpty());
            for (Suspect suspect : report.suspects()) {
                int shown = shownObject(last, suspect);
                assertTrue(shown >= 0, "no object behind " + suspect.title());
                assertEquals(suspect.pathKey(), last.pathKeyOf(shown), "the key of " + suspect.title());
                assertEquals(PathStepRows.of(last, last.pathToRoot(shown)), suspect.pathToRoot(),
                        "the path of " + suspect.title());
                if (suspect.kind() == SuspectKind.GROWING_CLASS) {
                    assertFalse(suspect.samples().isEmpty(), suspect.title());
                    for (String sample : suspect.samples()) {
                        int instance = sampledObject(last, sample);
                        assertEquals(suspect.className(), last.graph().classNameOf(instance), sample);
                        assertEquals(suspect.pathKey(), last.pathKeyOf(instance), sample);
                    }
                }
            }
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    /** The suspect's own object, or for a growing class its first sample (the instance whose path is shown). */
    private static int shownObject(Snapshot last, Suspect suspect) {
        if (suspect.objectIds() != null) {
            String id = suspect.objectIds()[suspect.objectIds().length - 1];
            return id == null ? -1 : last.graph().findObjectById(ObjectIds.parse(id));
        }
        return suspect.samples().isEmpty() ? -1 : sampledObject(last, suspect.samples().get(0));
    }

    private static int sampledObject(Snapshot last, String sample) {
        Matcher id = SAMPLE_ID.matcher(sample);
        assertTrue(id.find(), "no object id in sample " + sample);
        return last.graph().findObjectById(ObjectIds.parse(id.group(1)));
    }
}
