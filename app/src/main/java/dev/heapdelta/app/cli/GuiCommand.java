package dev.heapdelta.app.cli;

import dev.heapdelta.app.gui.DesktopEnvironment;
import dev.heapdelta.app.gui.GuiLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapdelta gui [FILES…]}: the desktop app, opened straight into the comparison of FILES. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the desktop app, with FILES compared if given (oldest first).",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta gui --example   (the bundled leaking service, dumped three times)",
            "  heapdelta gui before.hprof.gz after.hprof.gz",
            "  heapdelta gui t0.heapsnapshot t1.heapsnapshot t2.heapsnapshot"})
final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Dumps to open, oldest first.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--example", description = "Open the bundled example series (a leaking Java service, t0 t1 t2).")
    boolean example;

    @Option(names = "--exit-when-shown", hidden = true, description = "For bench: print the JVM's uptime once the"
            + " overview of FILES is shown, then exit (2 when they cannot be opened).")
    boolean exitWhenShown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (example && !files.isEmpty()) {
            throw new UsageException("give either --example or FILES, not both");
        }
        if (!DesktopEnvironment.hasDisplay()) {
            throw new UsageException("no display to show a window on (DISPLAY is not set); "
                    + "use 'heapdelta summary' or 'heapdelta diff' on a headless machine");
        }
        if (exitWhenShown && files.isEmpty() && !example) {
            throw new UsageException("--exit-when-shown times the opening of FILES: give some");
        }
        int exit = GuiLauncher.launch(new GuiLauncher.Startup(List.copyOf(files), example,
                exitWhenShown ? spec.commandLine().getOut() : null));
        return exit == 0 ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }
}
