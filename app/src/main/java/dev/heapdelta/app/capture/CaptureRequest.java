package dev.heapdelta.app.capture;

import java.nio.file.Path;

/** One capture to make: what, to which file, how. */
public record CaptureRequest(CaptureTarget target, Path output, CaptureOptions options) {

    public CaptureRequest withOutput(Path file) {
        return new CaptureRequest(target, file, options);
    }
}
