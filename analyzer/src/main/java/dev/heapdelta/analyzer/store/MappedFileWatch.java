package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files read through read-only mappings while a graph is open (HPROF dumps), so that a bus error can be
 * told for what it is. A page that another process cut from under a mapping faults, and the JVM reports it
 * as an {@link InternalError} at the next point where the thread looks for one: in compiled code that can be
 * after the method that read the page has returned, so the reader cannot always catch it itself. Whoever
 * catches it (a background job, the command line) asks here which file was cut.
 */
public final class MappedFileWatch {
    private static final Set<Watched> OPEN = ConcurrentHashMap.newKeySet();
    /**
     * The error of the last file that the thread closed and found cut: a bus error can surface after its
     * graph closed, as a command unwinds on that thread. Other threads' bus errors are not this file's.
     */
    private static final ThreadLocal<String> CUT_WHEN_CLOSED = new ThreadLocal<>();

    private MappedFileWatch() {
    }

    /** One mapped file, watched until it is closed. */
    public static final class Watched implements AutoCloseable {
        private final String name;
        private final FileChannel channel;
        private final long sizeWhenMapped;

        private Watched(String name, FileChannel channel, long sizeWhenMapped) {
            this.name = name;
            this.channel = channel;
            this.sizeWhenMapped = sizeWhenMapped;
        }

        /** The file as messages name it. */
        public String name() {
            return name;
        }

        /** The one-line error when the file is shorter than it was mapped, else empty. */
        public Optional<String> cut() {
            long now;
            try {
                now = channel.size();
            } catch (IOException e) {
                return Optional.empty();
            }
            return now < sizeWhenMapped ? Optional.of(message(name, sizeWhenMapped, now, -1)) : Optional.empty();
        }

        /** Stops watching; a file found cut is remembered on this thread for a bus error still on its way. */
        @Override
        public void close() {
            cut().ifPresent(CUT_WHEN_CLOSED::set);
            OPEN.remove(this);
        }
    }

    /** Watches {@code channel}, the file {@code name}, mapped while {@code sizeWhenMapped} bytes long. */
    public static Watched watch(String name, FileChannel channel, long sizeWhenMapped) {
        Watched watched = new Watched(name, channel, sizeWhenMapped);
        OPEN.add(watched);
        return watched;
    }

    /**
     * {@code problem} as the one-line error of the file cut under its mapping when it is a bus error on a
     * mapped page and a watched file is shorter than it was mapped (or was when this thread closed it); else
     * {@code problem} itself (a full disk under a mapped column, or anything else).
     */
    public static Throwable explained(Throwable problem) {
        if (!ColumnFileException.isBusErrorOnAMappedPage(problem)) {
            return problem;
        }
        Optional<String> cut = OPEN.stream().map(Watched::cut).flatMap(Optional::stream).findFirst();
        String message = cut.orElse(CUT_WHEN_CLOSED.get());
        return message == null ? problem : new ColumnFileException(message, new IOException(message, problem));
    }

    /**
     * The words of the error, the same wherever the cut is noticed.
     *
     * @param offset the byte offset whose read found the cut, or -1 where that is not known
     */
    public static String message(String name, long sizeWhenMapped, long sizeNow, long offset) {
        return "file " + name + ": cut while open (" + sizeWhenMapped + " bytes when opened, now " + sizeNow + ")"
                + (offset >= 0 ? ", reading offset " + offset : "")
                + ": another process truncated or rewrote it; open it again";
    }
}
