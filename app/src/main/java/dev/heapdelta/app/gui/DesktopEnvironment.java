package dev.heapdelta.app.gui;

import java.util.Map;

/**
 * Whether a window can be shown: an X11 or Wayland display on Linux, always on macOS and Windows, and on
 * Monocle, the glass platform that draws without a display ({@code -Dglass.platform=Monocle}), as the UI
 * tests and the app's timing in {@code bench} run.
 */
public final class DesktopEnvironment {
    private DesktopEnvironment() {
    }

    public static boolean hasDisplay() {
        return "Monocle".equals(System.getProperty("glass.platform"))
                || hasDisplay(System.getProperty("os.name", ""), System.getenv());
    }

    static boolean hasDisplay(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(environment.get("DISPLAY")) || notBlank(environment.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
