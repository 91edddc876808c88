package dev.heapdelta.analyzer.codesites;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

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
        List<Path> entries = new ArrayList<>();
        for (String part : pathList.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath " + part + ": no such file or directory");
            }
            if (!Files.isDirectory(path) && !Files.isReadable(path)) {
                throw new IllegalArgumentException("--classpath " + part + ": not readable");
            }
            entries.add(path);
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

    void forEachClass(ClassBytesConsumer consumer) throws IOException {
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                readDirectory(entry, consumer);
            } else {
                readJar(entry, consumer);
            }
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

    private static void readJar(Path jar, ClassBytesConsumer consumer) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean fat = hasEntryUnder(zip, FAT_CLASSES) || hasEntryUnder(zip, FAT_LIBRARIES);
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (fat && startsWithAny(name, FAT_LIBRARIES) && name.endsWith(".jar")) {
                    try (InputStream nested = zip.getInputStream(entry)) {
                        readNestedJar(nested, consumer);
                    }
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

    private static void readNestedJar(InputStream in, ClassBytesConsumer consumer) throws IOException {
        ZipInputStream nested = new ZipInputStream(in);
        for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
            if (isClassFile(entry.getName())) {
                consumer.accept(readAll(nested, entry.getSize()), false);
            }
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
