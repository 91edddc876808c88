package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.format.ByteSizes;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a dump fits inside a container: the free disk where it will be written ({@code df -Pk}) and,
 * when that disk is memory-backed (tmpfs), the room left under the container's memory limit (cgroup).
 * A dump that does not fit is refused: filling the disk or the memory limit gets the pod evicted or
 * OOM-killed, which loses exactly the state the dump was for.
 *
 * @param availableBytes free bytes at the dump directory, or -1 when unknown
 * @param filesystem the filesystem type or source df names ({@code overlay}, {@code tmpfs}), or null
 * @param memoryLimitBytes the cgroup memory limit, or -1 when unlimited or unknown
 * @param memoryUsedBytes the cgroup memory in use, or -1 when unknown
 */
record ContainerSpace(long availableBytes, String filesystem, long memoryLimitBytes, long memoryUsedBytes) {
    private static final double MARGIN = 1.1;
    private static final double MEMORY_WARNING_SHARE = 0.85;
    /** cgroup v1 reports "no limit" as a huge page-aligned number. */
    private static final long UNLIMITED_THRESHOLD = 1L << 60;

    /** The outcome: warnings to show, and the refusal message, or null when the dump may go ahead. */
    record Verdict(List<String> warnings, String refusal) {
    }

    boolean memoryBacked() {
        return filesystem != null && (filesystem.equals("tmpfs") || filesystem.equals("shm"));
    }

    Verdict judge(long expectedBytes, String directory, String target) {
        List<String> warnings = new ArrayList<>();
        if (expectedBytes < 0) {
            warnings.add("could not estimate the dump size (the used heap is unknown); free space cannot be checked");
            return new Verdict(warnings, null);
        }
        if (availableBytes < 0) {
            warnings.add("could not check the free space in " + directory + " inside " + target
                    + " (no df in the image); the dump needs about " + ByteSizes.human(expectedBytes));
        } else if (availableBytes < expectedBytes * MARGIN) {
            return new Verdict(warnings, "the dump would not fit: it needs about " + ByteSizes.human(expectedBytes)
                    + " and " + directory + " inside " + target + " has " + ByteSizes.human(availableBytes)
                    + " free. Filling the container's disk can get it evicted. Write elsewhere with --container-dir"
                    + " (a volume with room), or add --gzip (4-6x smaller)");
        } else if (availableBytes < expectedBytes * 2) {
            warnings.add("the dump will take more than half of the free space in " + directory + " inside " + target);
        }
        boolean limited = memoryLimitBytes > 0 && memoryLimitBytes < UNLIMITED_THRESHOLD;
        if (limited && memoryUsedBytes >= 0) {
            long room = memoryLimitBytes - memoryUsedBytes;
            if (memoryBacked() && room < expectedBytes * MARGIN) {
                return new Verdict(warnings, directory + " inside " + target + " is memory-backed (tmpfs): the dump"
                        + " (about " + ByteSizes.human(expectedBytes) + ") would count against the container's memory"
                        + " limit of " + ByteSizes.human(memoryLimitBytes) + ", of which only " + ByteSizes.human(room)
                        + " is left, and get it OOM-killed. Write to a disk-backed volume with --container-dir, or"
                        + " add --gzip");
            }
            if (memoryUsedBytes > memoryLimitBytes * MEMORY_WARNING_SHARE) {
                warnings.add(target + " uses " + ByteSizes.human(memoryUsedBytes) + " of its "
                        + ByteSizes.human(memoryLimitBytes) + " memory limit; dumping needs some memory of its own and"
                        + " could get it OOM-killed");
            }
        }
        return new Verdict(warnings, null);
    }

    /**
     * Warnings before a V8 snapshot, whose size is not known in advance: writing one needs memory
     * about the size of the JS heap on top of it, and a file about that size; the container's memory
     * in use is the upper bound for both.
     */
    List<String> nodeSnapshotWarnings(String directory, String target) {
        List<String> warnings = new ArrayList<>();
        boolean limited = memoryLimitBytes > 0 && memoryLimitBytes < UNLIMITED_THRESHOLD;
        if (limited && memoryUsedBytes > memoryLimitBytes / 2) {
            warnings.add(target + " uses " + ByteSizes.human(memoryUsedBytes) + " of its "
                    + ByteSizes.human(memoryLimitBytes) + " memory limit; Node needs extra memory about the size of"
                    + " its heap to write a snapshot, and may be OOM-killed");
        }
        if (availableBytes >= 0 && memoryUsedBytes > 0 && availableBytes < memoryUsedBytes) {
            warnings.add(directory + " inside " + target + " has " + ByteSizes.human(availableBytes) + " free, less"
                    + " than the " + ByteSizes.human(memoryUsedBytes) + " the container uses; the snapshot may not fit");
        }
        if (memoryBacked() && limited) {
            warnings.add(directory + " inside " + target + " is memory-backed (tmpfs): the snapshot file counts"
                    + " against the memory limit too");
        }
        return warnings;
    }

    /** The free space df reports for one directory. */
    record DiskFree(long availableBytes, String filesystem) {
        static final DiskFree UNKNOWN = new DiskFree(-1, null);
    }

    /** Reads {@code df -Pk DIR} output. */
    static DiskFree parseDf(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = lines.length - 1; i >= 1; i--) {
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length >= 6 && fields[3].matches("\\d+")) {
                return new DiskFree(Long.parseLong(fields[3]) * 1024, fields[0]);
            }
        }
        return DiskFree.UNKNOWN;
    }

    /** Reads two lines of cgroup files (limit, usage): returns {limit, used}, -1 for "max" or unreadable. */
    static long[] parseMemory(String output) {
        String[] lines = output.strip().split("\\s+");
        if (lines.length < 2) {
            return new long[] {-1, -1};
        }
        return new long[] {number(lines[0]), number(lines[1])};
    }

    private static long number(String text) {
        if (!text.matches("\\d{1,19}")) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
