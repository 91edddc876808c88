package dev.heapdelta.analyzer.codesites;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application's classes as the user gave them ({@code --classpath a.jar:classes/:boot.jar}): jars,
 * class directories and Spring Boot or WAR fat jars, whose {@code BOOT-INF/classes} are the application
 * and whose {@code BOOT-INF/lib/*.jar} are read in place. Class files are only read, never loaded.
 */
public final class ApplicationClassPath {
    private static final String[] FAT_CLASSES = {"BOOT-INF/classes/", "WEB-INF/classes/"};
    private static final String[] FAT_LIBRARIES = {"BOOT-INF/lib/", "WEB-INF/lib/"};

    private final List<Path> entries;

    private ApplicationClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param pathList entries separated by the platform's path separator ({@code :} or {@code ;})
     * @throws IllegalArgumentException naming the first entry that does not exist
     */
    public static ApplicationClassPath parse(String pathList) {
        List<Path> entries = PathList.existing("--classpath", pathList);
        for (Path path : entries) {
            if (!Files.isDirectory(path) && !Files.isReadable(path)) {
                throw new IllegalArgumentException("--classpath " + path + ": not readable");
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("--classpath names no jar or directory");
        }
        return new ApplicationClassPath(entries);
    }

    public List<Path> entries() {
        return entries;
    }

    /** The entries joined as they were given, for remembering and showing. */
    public String joined() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /**
     * Hands every class file to {@code consumer}, from as many threads as there are cores, one jar (or nested
     * jar, or directory) per task: the consumer must be thread-safe.
     */
    void forEachClass(ClassBytesConsumer consumer) throws IOException {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                tasks.add(() -> {
                    readDirectory(entry, consumer);
                    return null;
                });
            } else {
                readJar(entry, consumer, tasks);
            }
        }
        runAll(tasks);
    }

    private static void runAll(List<Callable<Void>> tasks) throws IOException {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "heapdelta-classpath-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the class path", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void readDirectory(Path directory, ClassBytesConsumer consumer) throws IOException {
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(directory)) {
            classFiles = walk.filter(p -> isClassFile(p.toString().replace(File.separatorChar, '/')))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : classFiles) {
            consumer.accept(Files.readAllBytes(file), true);
        }
    }

    /** The jar's own classes now; a task per nested library jar for later. */
    private static void readJar(Path jar, ClassBytesConsumer consumer, List<Callable<Void>> tasks) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean fat = hasEntryUnder(zip, FAT_CLASSES) || hasEntryUnder(zip, FAT_LIBRARIES);
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (fat && startsWithAny(name, FAT_LIBRARIES) && name.endsWith(".jar")) {
                    tasks.add(() -> {
                        readNestedJar(jar, name, consumer);
                        return null;
                    });
                } else if (isClassFile(name)) {
                    boolean application = !fat || startsWithAny(name, FAT_CLASSES);
                    try (InputStream in = zip.getInputStream(entry)) {
                        consumer.accept(readAll(in, entry.getSize()), application);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("--classpath " + jar + ": not a jar (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hasEntryUnder(ZipFile zip, String[] prefixes) {
        return zip.stream().anyMatch(e -> startsWithAny(e.getName(), prefixes));
    }

    /**
     * A nested jar is copied out to a private temporary file and opened as a jar of its own, so that only its
     * class files are inflated, not its resources and native libraries as a stream would.
     */
    private static void readNestedJar(Path jar, String name, ClassBytesConsumer consumer) throws IOException {
        Path copy = Files.createTempFile("heapdelta-nested-", ".jar");
        try {
            try (ZipFile outer = new ZipFile(jar.toFile()); InputStream in = outer.getInputStream(outer.getEntry(name))) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile nested = new ZipFile(copy.toFile())) {
                Enumeration<? extends ZipEntry> all = nested.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    if (isClassFile(entry.getName())) {
                        try (InputStream in = nested.getInputStream(entry)) {
                            consumer.accept(readAll(in, entry.getSize()), false);
                        }
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new IOException("--classpath " + jar + ": " + name + " is not a jar (" + e.getMessage() + ")", e);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static byte[] readAll(InputStream in, long sizeHint) throws IOException {
        if (sizeHint >= 0 && sizeHint < Integer.MAX_VALUE - 8) {
            return in.readNBytes((int) sizeHint);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Multi-release duplicates and module descriptors are left out: one class, one set of sites. */
    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.contains("META-INF/versions/");
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
