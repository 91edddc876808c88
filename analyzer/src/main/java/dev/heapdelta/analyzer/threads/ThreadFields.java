package dev.heapdelta.analyzer.threads;

import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;

/**
 * A {@code java.lang.Thread}'s name and state as its fields hold them: {@code name} (a String, or a
 * {@code char[]} before JDK 7), and {@code threadStatus} (on the thread before JDK 19, on its
 * {@code holder} after), decoded with the JVMTI state bits as {@code jdk.internal.misc.VM.toThreadState} does.
 */
record ThreadFields(String name, String state) {
    private static final int ALIVE = 0x0001;
    private static final int TERMINATED = 0x0002;
    private static final int RUNNABLE = 0x0004;
    private static final int WAITING_INDEFINITELY = 0x0010;
    private static final int WAITING_WITH_TIMEOUT = 0x0020;
    private static final int BLOCKED_ON_MONITOR_ENTER = 0x0400;
    private static final int NAME_CHARS = 200;

    static ThreadFields of(HeapGraph graph, int thread) {
        String name = "";
        Long status = null;
        int holder = -1;
        for (FieldValue field : graph.details().fields(thread)) {
            switch (field.name()) {
                case "name" -> name = field.target() >= 0 ? text(graph, field.target()) : name;
                case "threadStatus" -> status = field.isReference() ? status : field.bits();
                case "holder" -> holder = field.target();
                default -> {
                }
            }
        }
        if (status == null && holder >= 0) {
            for (FieldValue field : graph.details().fields(holder)) {
                if (field.name().equals("threadStatus") && !field.isReference()) {
                    status = field.bits();
                }
            }
        }
        return new ThreadFields(name, status == null ? null : state(status.intValue()));
    }

    /** The name's text; the reader decodes a bare {@code char[]} name (JDK 5 to 8u05) too. */
    private static String text(HeapGraph graph, int object) {
        String value = graph.details().stringValue(object, NAME_CHARS);
        return value != null ? value : "";
    }

    static String state(int status) {
        if ((status & RUNNABLE) != 0) {
            return "RUNNABLE";
        }
        if ((status & BLOCKED_ON_MONITOR_ENTER) != 0) {
            return "BLOCKED";
        }
        if ((status & WAITING_INDEFINITELY) != 0) {
            return "WAITING";
        }
        if ((status & WAITING_WITH_TIMEOUT) != 0) {
            return "TIMED_WAITING";
        }
        if ((status & TERMINATED) != 0) {
            return "TERMINATED";
        }
        return (status & ALIVE) == 0 ? "NEW" : "RUNNABLE";
    }
}
