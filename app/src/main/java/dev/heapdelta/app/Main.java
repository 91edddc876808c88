package dev.heapdelta.app;

import dev.heapdelta.app.cli.HeapDeltaCommand;

/** The entry point of {@code heapdelta.jar}; it does not extend a JavaFX class, so the jar runs anywhere. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HeapDeltaCommand.run(args));
    }
}
