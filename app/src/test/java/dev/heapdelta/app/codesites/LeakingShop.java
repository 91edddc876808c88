package dev.heapdelta.app.codesites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small leaking program written, compiled (javax.tools) and run by the test: each class fills its
 * container in one of the ways code sites must find, and marks the filling line with {@code // site:NAME}.
 * The child JVM dumps itself three times. Expected lines come from this source text, never from a number.
 */
public final class LeakingShop {
    static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("shop/OrderCache.java", """
                package shop;

                import java.util.HashMap;
                import java.util.Map;

                public final class OrderCache {
                    static final Map<String, byte[]> ORDERS = new HashMap<>();

                    static void remember(String id) {
                        ORDERS.put(id, new byte[64]); // site:static-map
                    }

                    static void rememberTwice(String id) {
                        store(ORDERS, id + "-copy");
                    }

                    private static void store(Map<String, byte[]> orders, String id) {
                        orders.putIfAbsent(id, new byte[8]); // site:helper
                    }
                }
                """);
        SOURCES.put("shop/PaymentGateway.java", """
                package shop;

                import java.util.ArrayList;
                import java.util.List;

                public final class PaymentGateway {
                    static final PaymentGateway INSTANCE = new PaymentGateway();
                    private final List<byte[]> retryTimers = new ArrayList<>();

                    void retry() {
                        retryTimers.add(new byte[32]); // site:singleton
                    }

                    List<byte[]> timers() {
                        return retryTimers;
                    }
                }
                """);
        SOURCES.put("shop/Retries.java", """
                package shop;

                final class Retries {
                    static void again() {
                        PaymentGateway.INSTANCE.timers().add(new byte[4]); // site:getter
                    }
                }
                """);
        SOURCES.put("shop/RequestBuffers.java", """
                package shop;

                import java.util.ArrayList;
                import java.util.List;

                final class RequestBuffers {
                    static final ThreadLocal<List<byte[]>> BUFFERS = new ThreadLocal<>();

                    static void record() {
                        List<byte[]> buffers = BUFFERS.get();
                        if (buffers == null) {
                            buffers = new ArrayList<>();
                            BUFFERS.set(buffers); // site:thread-local-set
                        }
                        buffers.add(new byte[16]); // site:thread-local-add
                    }
                }
                """);
        SOURCES.put("shop/Jobs.java", """
                package shop;

                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                final class Jobs {
                    static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);

                    static void every(int minutes) {
                        byte[] payload = new byte[3000];
                        SCHEDULER.scheduleAtFixedRate(() -> payload.clone(), minutes + 60, 60, TimeUnit.MINUTES); // site:scheduled
                    }
                }
                """);
        SOURCES.put("shop/Logs.java", """
                package shop;

                import java.util.logging.Handler;
                import java.util.logging.LogRecord;
                import java.util.logging.Logger;

                final class Logs {
                    static void attach() {
                        Logger.getLogger("").addHandler(new AuditHandler()); // site:logger
                    }

                    static final class AuditHandler extends Handler {
                        private final byte[] buffer = new byte[40];

                        @Override
                        public void publish(LogRecord record) {
                        }

                        @Override
                        public void flush() {
                        }

                        @Override
                        public void close() {
                        }
                    }
                }
                """);
        SOURCES.put("shop/Users.java", """
                package shop;

                import com.google.common.cache.Cache;
                import com.google.common.cache.CacheBuilder;

                final class Users {
                    static final Cache<String, byte[]> PROFILES = CacheBuilder.newBuilder().build();

                    static void load(String id) {
                        PROFILES.put(id, new byte[48]); // site:guava
                    }
                }
                """);
        SOURCES.put("shop/Audit.java", """
                package shop;

                import java.util.ArrayList;
                import java.util.List;

                final class Audit {
                    static final List<String> ENTRIES = new ArrayList<>();

                    static void log(List<String> events) {
                        events.forEach(event -> {
                            ENTRIES.add(event + "!"); // site:lambda
                        });
                    }
                }
                """);
        SOURCES.put("shop/SessionStore.java", """
                package shop;

                import java.util.LinkedHashMap;
                import java.util.Map;

                final class SessionStore {
                    private static final int MAXIMUM = 1_000_000;
                    static final Map<String, byte[]> SESSIONS = new LinkedHashMap<>();

                    static void open(String id) {
                        SESSIONS.put(id, new byte[40]); // site:bounded-put
                        if (SESSIONS.size() > MAXIMUM) {
                            evictEldest();
                        }
                    }

                    static void close(String id) {
                        SESSIONS.remove(id); // site:bounded-remove
                    }

                    private static void evictEldest() {
                        SESSIONS.keySet().iterator().remove();
                    }
                }
                """);
        SOURCES.put("shop/Main.java", """
                package shop;

                import com.sun.management.HotSpotDiagnosticMXBean;
                import java.lang.management.ManagementFactory;
                import java.util.List;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                        int id = 0;
                        for (int round = 0; round < 3; round++) {
                            int count = round == 0 ? 100 : 400;
                            for (int i = 0; i < count; i++, id++) {
                                OrderCache.remember("order-" + id);
                                PaymentGateway.INSTANCE.retry();
                                RequestBuffers.record();
                                Jobs.every(i);
                                Logs.attach();
                                Users.load("user-" + id);
                                Audit.log(List.of("event-" + id));
                                SessionStore.open("session-" + id);
                                if (i % 50 == 0) {
                                    OrderCache.rememberTwice("order-" + id);
                                    Retries.again();
                                    SessionStore.close("session-" + id);
                                }
                            }
                            bean.dumpHeap(args[0] + "/shop-t" + round + ".hprof", true);
                        }
                        Jobs.SCHEDULER.shutdownNow();
                    }
                }
                """);
    }

    public final Path sources;
    public final Path classes;
    public final List<Path> dumps = new ArrayList<>();

    private LeakingShop(Path directory) {
        this.sources = directory.resolve("src");
        this.classes = directory.resolve("classes");
    }

    /** Writes and compiles the program into {@code directory}, runs it and returns its three dumps. */
    public static LeakingShop build(Path directory) throws IOException, InterruptedException {
        LeakingShop shop = new LeakingShop(directory);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = shop.sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        Files.createDirectories(shop.classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-g", "-d", shop.classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        arguments.addAll(files);
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the shop does not compile");
        Path dumps = Files.createDirectories(directory.resolve("dumps"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp",
                shop.classes + File.pathSeparator + System.getProperty("java.class.path"), "shop.Main",
                dumps.toString()).redirectErrorStream(true).redirectOutput(directory.resolve("shop.log").toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the shop did not finish");
        assertEquals(0, process.exitValue(), "the shop failed: " + Files.readString(directory.resolve("shop.log")));
        for (int round = 0; round < 3; round++) {
            shop.dumps.add(dumps.resolve("shop-t" + round + ".hprof"));
        }
        return shop;
    }

    /** The file holding {@code // site:NAME}. */
    public static String fileOf(String site) {
        return Path.of(sourceOf(site).getKey()).getFileName().toString();
    }

    /** The 1-based line of {@code // site:NAME} in its generated source. */
    public static int lineOf(String site) {
        List<String> lines = sourceOf(site).getValue().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// site:" + site)) {
                return i + 1;
            }
        }
        throw new AssertionError("no site " + site);
    }

    /** The text of that line, as --sources shows it. */
    public static String textOf(String site) {
        return sourceOf(site).getValue().lines().toList().get(lineOf(site) - 1).strip();
    }

    private static Map.Entry<String, String> sourceOf(String site) {
        return SOURCES.entrySet().stream().filter(e -> e.getValue().contains("// site:" + site + "\n"))
                .findFirst().orElseThrow(() -> new AssertionError("no site " + site));
    }
}
