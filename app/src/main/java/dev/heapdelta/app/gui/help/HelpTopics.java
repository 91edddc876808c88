package dev.heapdelta.app.gui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Help menu's texts: keyboard shortcuts, the suspect kinds in plain words, and the README's sections. */
public final class HelpTopics {
    private static final String README = "README.md";

    private HelpTopics() {
    }

    /** {shortcut, what it does}, as the menus define them. */
    public static List<String[]> shortcuts() {
        return List.of(
                new String[] {"Ctrl+O", "Open dumps (oldest first)"},
                new String[] {"Ctrl+1 / Ctrl+2 / Ctrl+3", "Overview, classes, dominator tree"},
                new String[] {"Ctrl+F", "Filter the class table"},
                new String[] {"Ctrl+G", "Go to object by id: 0x1a2b… (HPROF) or @12345 (V8)"},
                new String[] {"Alt+Left / Alt+Right", "Back and forward, to each view as you left it"},
                new String[] {"Enter, double-click", "Open the selected row (instances, inspector)"},
                new String[] {"Ctrl+E", "Export the PDF leak report"},
                new String[] {"Ctrl+Shift+C", "Copy the report as JSON (the diff --json document)"},
                new String[] {"Ctrl+Q", "Quit"});
    }

    /** {suspect kind, what it means}, in the order the overview ranks them. */
    public static List<String[]> suspectKinds() {
        return List.of(
                new String[] {"growing-collection", "A map, list, queue or cache whose own entry count grew from"
                        + " snapshot to snapshot. Its path key says where it lives; \"Entries\" lists what it holds."},
                new String[] {"listener-accumulation", "Listeners piling up on one event source (EventEmitter"
                        + " _events, PropertyChangeSupport, listener lists): something subscribes and never"
                        + " unsubscribes."},
                new String[] {"growing-class", "Instances of one class that kept growing without one collection"
                        + " explaining them."},
                new String[] {"accumulation-point", "One object under which most of a growth concentrates in the"
                        + " dominator tree: the place to look first."},
                new String[] {"large-retainer", "One object that retains more than a tenth of the heap."},
                new String[] {"large-collection", "One snapshot only: a collection among the largest, with its"
                        + " entries; a second snapshot tells whether it grows."},
                new String[] {"duplicate-class", "One snapshot only: classes of one name defined by several class"
                        + " loaders, the mark of a class-loader leak on redeploy."});
    }

    /** The README's {@code ## } headings, in order. */
    public static List<String> readmeSections() {
        List<String> sections = new ArrayList<>();
        for (String line : readme().split("\n")) {
            if (line.startsWith("## ")) {
                sections.add(line.substring(3).strip());
            }
        }
        return sections;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    public static String anchorOf(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    /**
     * The README as a file the system browser can open, with the section's anchor: a private copy in the
     * user's temporary directory, made once per run.
     */
    public static String readmeLink(String section) {
        try {
            Path copy = Files.createTempFile("heapdelta-readme", ".md",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(copy, readme());
            copy.toFile().deleteOnExit();
            return copy.toUri() + "#" + anchorOf(section);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("no POSIX permissions here", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readme() {
        try (InputStream in = HelpTopics.class.getResourceAsStream(README)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
