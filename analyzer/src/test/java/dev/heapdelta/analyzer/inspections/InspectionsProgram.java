package dev.heapdelta.analyzer.inspections;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.heapdelta.analyzer.inspections.planted.Leaf;
import dev.heapdelta.analyzer.inspections.planted.sub.Twig;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for the inspection tests, with everything planted in known numbers: copies of one string,
 * empty collections of classes of their own, lists and maps a quarter or less full, copies of one byte
 * array and zero-filled int arrays, {@link PluginWidget} defined by two URLClassLoaders besides the
 * class path, and instances of two classes in a package and its sub-package.
 */
public final class InspectionsProgram {
    public static final String DUPLICATE_VALUE = "dup-7f3a9c-planted-value";
    public static final int EMPTY_LISTS = 300;
    public static final int EMPTY_MAPS = 200;
    public static final int QUARTER_FULL_LISTS = 100;
    public static final int LIST_CAPACITY = 40;
    public static final int LIST_SIZE = 10;
    public static final int SPARSE_MAPS = 50;
    public static final int MAP_ENTRIES = 3;
    public static final int BYTE_ARRAY_COPIES = 250;
    public static final int BYTE_ARRAY_LENGTH = 64;
    public static final int ZERO_ARRAYS = 120;
    public static final int ZERO_ARRAY_LENGTH = 1234;
    public static final int PLUGIN_LOADERS = 2;
    public static final int WIDGETS_PER_LOADER = 7;
    public static final int LEAVES = 400;
    public static final int TWIGS = 600;

    static final List<String> DUPLICATES = new ArrayList<>();
    static final List<Object> EMPTY = new ArrayList<>();
    static final ArrayList<?>[] QUARTER_FULL = new ArrayList<?>[QUARTER_FULL_LISTS];
    static final HashMap<?, ?>[] SPARSE = new HashMap<?, ?>[SPARSE_MAPS];
    static final List<Object> ARRAYS = new ArrayList<>();
    static final List<Object> PLUGINS = new ArrayList<>();
    static final List<Object> PACKAGED = new ArrayList<>();

    private InspectionsProgram() {
    }

    /** An empty list of a class no library uses, so that the test can count it exactly. */
    public static final class PlantedEmptyList extends ArrayList<Object> {
    }

    /** An empty map of a class of its own. */
    public static final class PlantedEmptyMap extends HashMap<Object, Object> {
    }

    /** Runs this program in a child JVM that dumps itself to {@code file} with {@code copies} duplicate strings. */
    public static void dumpTo(Path file, int copies) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseCompressedOops", "-cp",
                System.getProperty("java.class.path"), InspectionsProgram.class.getName(), file.toString(),
                Integer.toString(copies)).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the dumping JVM failed or timed out");
        }
    }

    public static void main(String[] args) throws Exception {
        int copies = Integer.parseInt(args[1]);
        char[] chars = DUPLICATE_VALUE.toCharArray();
        for (int i = 0; i < copies; i++) {
            DUPLICATES.add(new String(chars));
        }
        for (int i = 0; i < EMPTY_LISTS; i++) {
            EMPTY.add(new PlantedEmptyList());
        }
        for (int i = 0; i < EMPTY_MAPS; i++) {
            EMPTY.add(new PlantedEmptyMap());
        }
        for (int i = 0; i < QUARTER_FULL_LISTS; i++) {
            ArrayList<Integer> list = new ArrayList<>(LIST_CAPACITY);
            for (int e = 0; e < LIST_SIZE; e++) {
                list.add(e);
            }
            QUARTER_FULL[i] = list;
        }
        for (int i = 0; i < SPARSE_MAPS; i++) {
            HashMap<Integer, Integer> map = new HashMap<>(16);
            for (int e = 0; e < MAP_ENTRIES; e++) {
                map.put(e, e);
            }
            SPARSE[i] = map;
        }
        plantArrays();
        plantPlugins();
        for (int i = 0; i < LEAVES; i++) {
            PACKAGED.add(new Leaf(i));
        }
        for (int i = 0; i < TWIGS; i++) {
            PACKAGED.add(new Twig(i));
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
    }

    /** In a method of its own, so that the pattern it copies is no local of main's frame when the dump is taken. */
    private static void plantArrays() {
        byte[] pattern = new byte[BYTE_ARRAY_LENGTH];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 7 + 3);
        }
        for (int i = 0; i < BYTE_ARRAY_COPIES; i++) {
            ARRAYS.add(Arrays.copyOf(pattern, pattern.length));
        }
        for (int i = 0; i < ZERO_ARRAYS; i++) {
            ARRAYS.add(new int[ZERO_ARRAY_LENGTH]);
        }
    }

    /** PluginWidget's class file copied to a directory that loaders with no parent define it from. */
    private static void plantPlugins() throws Exception {
        PLUGINS.add(new PluginWidget(-1));
        String resource = PluginWidget.class.getName().replace('.', '/') + ".class";
        Path directory = TestEnvironment.temporaryDirectory("plugins");
        Path classFile = directory.resolve(resource);
        Files.createDirectories(classFile.getParent());
        try (var in = InspectionsProgram.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, classFile);
        }
        URL[] path = {directory.toUri().toURL()};
        for (int l = 0; l < PLUGIN_LOADERS; l++) {
            URLClassLoader loader = new URLClassLoader("plugin-" + l, path, null);
            Class<?> widget = loader.loadClass(PluginWidget.class.getName());
            for (int i = 0; i < WIDGETS_PER_LOADER; i++) {
                PLUGINS.add(widget.getConstructor(int.class).newInstance(i));
            }
        }
    }

    /** The test's own copy of MAT's instance-size rule (docs/hprof-shallow-sizes.md), with compressed oops. */
    public static long matShallowSize(Class<?> type) {
        return (instanceSize(type) + 7) / 8 * 8;
    }

    private static long instanceSize(Class<?> type) {
        if (type.getSuperclass() == null) {
            return 12;
        }
        long own = 0;
        for (var field : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Class<?> t = field.getType();
            own += !t.isPrimitive() ? 4 : t == long.class || t == double.class ? 8
                    : t == int.class || t == float.class ? 4 : t == short.class || t == char.class ? 2 : 1;
        }
        return (own + instanceSize(type.getSuperclass()) + 3) / 4 * 4;
    }

    /** MAT's primitive-array rule with compressed oops: 16 bytes of header and length, then the elements. */
    public static long matArraySize(long length, int elementSize) {
        return (16 + length * elementSize + 7) / 8 * 8;
    }

}
