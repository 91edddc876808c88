package dev.heapdelta.app.capture;

import java.util.Locale;

/** What runs inside a container target: decides between {@code jcmd} and the Node routes. */
public enum TargetRuntime {
    JVM,
    NODE;

    /** Parses {@code jvm} or {@code node}, in any case. */
    public static TargetRuntime parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "jvm", "java" -> JVM;
            case "node", "nodejs" -> NODE;
            default -> throw new IllegalArgumentException("unknown runtime '" + text + "' (use jvm or node)");
        };
    }
}
