package dev.heapdelta.app.capture;

import java.nio.file.Path;
import java.time.Duration;

/** A dump that was captured: where it is, how big, and how long it took. */
public record CaptureResult(Path file, long bytes, Duration elapsed) {
}
