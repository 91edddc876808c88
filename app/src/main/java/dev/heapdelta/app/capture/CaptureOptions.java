package dev.heapdelta.app.capture;

import java.time.Duration;

/**
 * How to capture, whatever the target.
 *
 * @param liveOnly dump only reachable objects (HotSpot runs a full GC first); otherwise {@code -all}
 * @param gzip write the dump gzipped (by the JVM itself on JDK 15+, afterwards otherwise)
 * @param overwrite replace an existing output file instead of refusing
 * @param containerPid the process to dump inside a container (1: the entry point)
 * @param containerDirectory where the temporary dump is written inside the container
 * @param commandTimeout the limit for short commands (versions, df, cp of small files)
 * @param dumpTimeout the limit for writing and copying a dump
 */
public record CaptureOptions(boolean liveOnly, boolean gzip, boolean overwrite, long containerPid,
        String containerDirectory, Duration commandTimeout, Duration dumpTimeout) {

    public static CaptureOptions defaults() {
        return new CaptureOptions(false, false, false, 1, "/tmp", Duration.ofSeconds(60), Duration.ofMinutes(30));
    }

    public CaptureOptions withLiveOnly(boolean value) {
        return new CaptureOptions(value, gzip, overwrite, containerPid, containerDirectory, commandTimeout, dumpTimeout);
    }

    public CaptureOptions withGzip(boolean value) {
        return new CaptureOptions(liveOnly, value, overwrite, containerPid, containerDirectory, commandTimeout,
                dumpTimeout);
    }

    public CaptureOptions withOverwrite(boolean value) {
        return new CaptureOptions(liveOnly, gzip, value, containerPid, containerDirectory, commandTimeout, dumpTimeout);
    }

    public CaptureOptions withContainerPid(long value) {
        return new CaptureOptions(liveOnly, gzip, overwrite, value, containerDirectory, commandTimeout, dumpTimeout);
    }

    public CaptureOptions withContainerDirectory(String value) {
        return new CaptureOptions(liveOnly, gzip, overwrite, containerPid, value, commandTimeout, dumpTimeout);
    }

    public CaptureOptions withTimeouts(Duration command, Duration dump) {
        return new CaptureOptions(liveOnly, gzip, overwrite, containerPid, containerDirectory, command, dump);
    }
}
