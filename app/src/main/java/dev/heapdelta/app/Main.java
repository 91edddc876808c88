package dev.heapdelta.app;

import dev.heapdelta.app.cli.HeapDeltaCommand;
import dev.heapdelta.app.gui.DesktopEnvironment;
import java.util.OptionalInt;

/** The entry point of {@code heapdelta.jar}; it does not extend a JavaFX class, so the jar runs anywhere. */
public final class Main {
    private Main() {
    }

    /** With no arguments on a desktop, the app opens its window, as a double-clicked jar should. */
    public static void main(String[] args) {
        // A JVM with a heap sized to the dumps named runs the command instead, once.
        OptionalInt sized = SizedRelaunch.runSized(args);
        if (sized.isPresent()) {
            System.exit(sized.getAsInt());
        }
        if (args.length == 0 && DesktopEnvironment.hasDisplay()) {
            System.exit(HeapDeltaCommand.run("gui"));
        }
        System.exit(HeapDeltaCommand.run(args));
    }
}
