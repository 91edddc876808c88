package dev.heapdelta.app.capture.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JVM for capture tests: holds instances of a marker class, says "ready", and lives until its stdin closes. */
public final class MarkerProgram {
    /** The class a captured dump must contain. */
    public static final class CaptureMarker {
        final byte[] payload = new byte[512];
    }

    static final List<CaptureMarker> KEPT = new ArrayList<>();

    private MarkerProgram() {
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < 100; i++) {
            KEPT.add(new CaptureMarker());
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Runs until the test closes our stdin or is gone.
        }
    }
}
