package dev.heapdelta.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command as a child process and measures it as the operating system sees it, not as the JVM's
 * heap does: through {@code /usr/bin/time -f} (getrusage of the child, so a launcher that re-executes
 * itself is measured with its child) where it exists, else by reading {@code /proc/<pid>} of the child
 * and its descendants until it exits. Each run starts with the earlier runs' writes flushed to disk
 * ({@link PendingWrites}), so that it is not throttled for their writeback.
 */
final class ChildProcessTimer {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final int ERROR_TAIL = 400;
    private static final long POLL_MILLIS = 20;
    /** How the app's timing run (OverviewShownExit) starts the line it prints once its overview is drawn. */
    private static final String OVERVIEW_SHOWN = "overview shown after";

    /** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Path scratch;
    private final boolean useGnuTime;

    /** @param scratch a private directory for the child's stderr and the time report */
    ChildProcessTimer(Path scratch) {
        this(scratch, Files.isExecutable(GNU_TIME));
    }

    /** @param useGnuTime whether to measure through /usr/bin/time rather than /proc alone */
    ChildProcessTimer(Path scratch, boolean useGnuTime) {
        this.scratch = scratch;
        this.useGnuTime = useGnuTime;
    }

    ChildMeasurement run(List<String> command, Map<String, String> environment) throws IOException,
            InterruptedException {
        Path errors = Files.createTempFile(scratch, "child-", ".err");
        Path report = Files.createTempFile(scratch, "child-", ".time");
        boolean timed = useGnuTime;
        List<String> full = new ArrayList<>();
        if (timed) {
            // %e wall s, %U user s, %S system s, %M peak RSS KiB; -o keeps the child's own stderr apart.
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", report.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        PendingWrites.flush();
        long started = System.nanoTime();
        Process process = builder.start();
        java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong(-1);
        Thread output = new Thread(() -> watchOutput(process, started, shown), "bench-child-output");
        output.setDaemon(true);
        output.start();
        ProcSampler sampler = new ProcSampler(process.toHandle());
        while (!process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            sampler.sample();
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        output.join();
        int exit = process.exitValue();
        String tail = tail(Files.readString(errors, StandardCharsets.UTF_8));
        long cpu = sampler.cpuMillis();
        long rss = sampler.peakRssBytes();
        if (timed) {
            String[] fields = Files.readString(report, StandardCharsets.UTF_8).trim().split("\\s+");
            // time writes "Command exited with non-zero status N" before its figures when the child fails.
            int n = fields.length;
            if (n >= 4) {
                try {
                    cpu = Math.round((Double.parseDouble(fields[n - 3]) + Double.parseDouble(fields[n - 2])) * 1000);
                    rss = Long.parseLong(fields[n - 1]) * 1024;
                } catch (NumberFormatException e) {
                    // Keep what /proc gave.
                }
            }
        }
        Files.deleteIfExists(errors);
        Files.deleteIfExists(report);
        return new ChildMeasurement(exit, wall, cpu, rss, tail, shown.get());
    }

    /** Reads the child's output to its end, noting when it said its overview was shown; the rest is dropped. */
    private static void watchOutput(Process process, long started, java.util.concurrent.atomic.AtomicLong shown) {
        try (java.io.BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (shown.get() < 0 && line.startsWith(OVERVIEW_SHOWN)) {
                    shown.set((System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (IOException e) {
            // The child's output is only watched for that line: its figures stand without it.
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= ERROR_TAIL ? trimmed : "…" + trimmed.substring(trimmed.length() - ERROR_TAIL);
    }

    /** The last figures read from /proc for a process tree: peak RSS (the largest VmHWM) and CPU time. */
    private static final class ProcSampler {
        private final ProcessHandle root;
        private final Map<Long, Long> cpuByPid = new java.util.HashMap<>();
        private long peakRss = -1;

        ProcSampler(ProcessHandle root) {
            this.root = root;
        }

        void sample() {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            root.descendants().forEach(tree::add);
            for (ProcessHandle process : tree) {
                long pid = process.pid();
                try {
                    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                        if (line.startsWith("VmHWM:")) {
                            peakRss = Math.max(peakRss, Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024);
                        }
                    }
                    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
                    cpuByPid.put(pid, ticks * 1000 / CLOCK_TICKS_PER_SECOND);
                } catch (IOException | RuntimeException e) {
                    // The process ended between listing and reading: its last figures stand.
                }
            }
        }

        long cpuMillis() {
            return cpuByPid.isEmpty() ? -1 : cpuByPid.values().stream().mapToLong(Long::longValue).sum();
        }

        long peakRssBytes() {
            return peakRss;
        }
    }
}
