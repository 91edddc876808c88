package dev.heapdelta.junit;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The engine of {@link LeakTest}: runs the body again and again inside the one invocation JUnit gives it,
 * dumps the heap between runs, diffs the dumps with the analyzer and fails on a suspect that kept growing.
 *
 * <p>Dumps go to {@code target/heapdelta/<class>.<method>/} under the working directory (Maven Surefire runs
 * in the module's directory), or under the directory named by the system property {@code heapdelta.junit.dir}
 * (for Gradle: {@code build/heapdelta}).
 */
public final class LeakTestExtension implements InvocationInterceptor {
    static final String DIRECTORY_PROPERTY = "heapdelta.junit.dir";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        runRepeatedly(invocation, invocationContext, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        runRepeatedly(invocation, invocationContext, extensionContext);
    }

    private static void runRepeatedly(Invocation<Void> invocation, ReflectiveInvocationContext<Method> body,
            ExtensionContext context) throws Throwable {
        Optional<LeakTest> annotation = annotationOf(context);
        if (annotation.isEmpty()) {
            invocation.proceed();
            return;
        }
        LeakTestSettings settings = LeakTestSettings.of(annotation.get());
        String testName = context.getRequiredTestClass().getSimpleName() + "." + body.getExecutable().getName();
        HeapDumpSeries series = HeapDumpSeries.in(dumpDirectory(context, body));
        if (settings.warmup() == 0) {
            series.dump();
        }
        int runs = settings.warmup() + settings.iterations();
        for (int run = 1; run <= runs; run++) {
            if (run == 1) {
                invocation.proceed();
            } else {
                // JUnit allows one proceed() per invocation; the further runs call the same method on the same
                // instance with the same arguments.
                ReflectionSupport.invokeMethod(body.getExecutable(), body.getTarget().orElse(null),
                        body.getArguments().toArray());
            }
            if (run >= settings.warmup()) {
                series.dump();
            }
        }
        long diffStarted = System.nanoTime();
        long cpuStarted = processCpuNanos();
        Judged judged = judge(series, settings);
        long diffMillis = (System.nanoTime() - diffStarted) / 1_000_000;
        long diffCpuMillis = (processCpuNanos() - cpuStarted) / 1_000_000;
        context.publishReportEntry(Map.of(
                "heapdelta.dumps", String.valueOf(series.dumps().size()),
                "heapdelta.dumpMillisEach", String.valueOf(series.dumpMillis() / series.dumps().size()),
                "heapdelta.diffMillis", String.valueOf(diffMillis),
                "heapdelta.diffCpuMillis", String.valueOf(diffCpuMillis),
                "heapdelta.heapBytes", String.valueOf(judged.lastHeapBytes())));
        if (!judged.failing().isEmpty()) {
            throw new AssertionError(LeakMessage.of(testName, judged.failing(), series, settings));
        }
        series.delete();
    }

    /** CPU time of the whole JVM, all threads: on a busy machine it says more than the wall clock. */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private record Judged(List<Suspect> failing, long lastHeapBytes) {
    }

    private static Judged judge(HeapDumpSeries series, LeakTestSettings settings) throws IOException {
        // No index cache: these dumps are read once and deleted, and the cache would outlive them.
        AnalysisOptions options = AnalysisOptions.defaults().withIndexCache(false);
        List<Snapshot> snapshots = new ArrayList<>();
        try {
            for (Path dump : series.dumps()) {
                snapshots.add(SnapshotLoader.loadUnsaved(dump, dump.toString(), options, CancelSignal.NEVER,
                        ProgressListener.NONE));
            }
            DiffReport report = DiffReports.of(snapshots, false);
            return new Judged(LeakVerdict.failing(report, settings),
                    snapshots.get(snapshots.size() - 1).totalShallowBytes());
        } finally {
            snapshots.forEach(Snapshot::close);
        }
    }

    /** On the method, else on its class or an enclosing class (a {@code @Nested} test inherits it). */
    private static Optional<LeakTest> annotationOf(ExtensionContext context) {
        Optional<LeakTest> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), LeakTest.class);
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<LeakTest> onClass = AnnotationSupport.findAnnotation(type, LeakTest.class);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    private static Path dumpDirectory(ExtensionContext context, ReflectiveInvocationContext<Method> body) {
        String base = System.getProperty(DIRECTORY_PROPERTY);
        Path root = base == null || base.isBlank() ? Path.of("target", "heapdelta") : Path.of(base);
        String name = context.getRequiredTestClass().getName() + "." + body.getExecutable().getName();
        if (body.getExecutable().getParameterCount() > 0) {
            // A parameterised test: one directory per invocation.
            name += "-" + Integer.toHexString(context.getUniqueId().hashCode());
        }
        return root.resolve(name.replaceAll("[^A-Za-z0-9._$-]", "_")).toAbsolutePath();
    }
}
