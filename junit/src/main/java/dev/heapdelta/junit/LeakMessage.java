package dev.heapdelta.junit;

import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.SuspectText;
import java.nio.file.Path;
import java.util.List;

/** The failure message of a leaking test: its first suspect as {@code heapdelta diff} prints it, and the dumps. */
final class LeakMessage {
    private LeakMessage() {
    }

    static String of(String testName, List<Suspect> failing, HeapDumpSeries series, LeakTestSettings settings) {
        StringBuilder message = new StringBuilder();
        Suspect first = failing.get(0);
        message.append(testName).append(" leaks: ").append(SuspectText.headline(first)).append('\n');
        for (String line : SuspectText.details(first)) {
            message.append("    ").append(line).append('\n');
        }
        message.append("    path: ").append(SuspectText.path(first)).append('\n');
        if (failing.size() > 1) {
            message.append("and ").append(failing.size() - 1).append(" more:\n");
            for (Suspect other : failing.subList(1, failing.size())) {
                message.append("    ").append(SuspectText.headline(other)).append('\n');
            }
        }
        message.append("Dumps kept (after ").append(settings.warmup()).append(" warm-up runs, then after each of ")
                .append(settings.iterations()).append(" iterations), compare them with heapdelta diff or gui:\n");
        for (Path dump : series.dumps()) {
            message.append("    ").append(dump).append('\n');
        }
        return message.toString().stripTrailing();
    }
}
