package dev.heapdelta.app.capture;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the facts HeapDelta needs out of {@code jcmd} output: the JDK version and the used heap. */
final class JcmdOutput {
    private static final Pattern JDK_MAJOR = Pattern.compile("(?m)^JDK (\\d+)");
    private static final Pattern VERSION_STRING = Pattern.compile("version (\\d+)(\\S*)");
    /** JDK 8's HotSpot numbers itself 25.x with a build suffix: {@code 25.352-b08}. JDK 25 writes {@code 25.0.1+8}. */
    private static final Pattern JDK8_HOTSPOT = Pattern.compile("\\.\\d+-b\\d+.*");
    private static final Pattern GENERATION_USED = Pattern.compile("total \\d+[KMG]?, used (\\d+)([KMG]?)");
    private static final Pattern ZGC_USED = Pattern.compile("ZHeap\\s+used (\\d+)([KMG]?)");
    private static final Pattern TRAILING_USED = Pattern.compile("(\\d+)([KMG]?) used");

    private JcmdOutput() {
    }

    /** The feature release of the JVM from {@code VM.version} output, or -1 when it cannot be told. */
    static int jdkMajorVersion(String vmVersionOutput) {
        Matcher jdk = JDK_MAJOR.matcher(vmVersionOutput);
        if (jdk.find()) {
            return Integer.parseInt(jdk.group(1));
        }
        Matcher version = VERSION_STRING.matcher(vmVersionOutput);
        if (version.find()) {
            if (JDK8_HOTSPOT.matcher(version.group(2)).matches()) {
                return 8;
            }
            int major = Integer.parseInt(version.group(1));
            return major >= 9 ? major : -1;
        }
        return -1;
    }

    /**
     * The used Java heap in bytes from {@code GC.heap_info} output (G1, Parallel, Serial, ZGC and
     * Shenandoah print it differently), or -1 when it cannot be read.
     */
    static long usedHeapBytes(String heapInfoOutput) {
        long sum = 0;
        boolean found = false;
        Matcher generations = GENERATION_USED.matcher(heapInfoOutput);
        while (generations.find()) {
            sum += bytes(generations.group(1), generations.group(2));
            found = true;
        }
        if (found) {
            return sum;
        }
        Matcher zgc = ZGC_USED.matcher(heapInfoOutput);
        if (zgc.find()) {
            return bytes(zgc.group(1), zgc.group(2));
        }
        Matcher trailing = TRAILING_USED.matcher(heapInfoOutput);
        if (trailing.find()) {
            return bytes(trailing.group(1), trailing.group(2));
        }
        return -1;
    }

    /** True when jcmd's output says the dump was written. */
    static boolean reportsDumpCreated(String heapDumpOutput) {
        return heapDumpOutput.contains("Heap dump file created");
    }

    private static long bytes(String digits, String unit) {
        long value = Long.parseLong(digits);
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            case "G" -> value * 1024 * 1024 * 1024;
            default -> value;
        };
    }
}
