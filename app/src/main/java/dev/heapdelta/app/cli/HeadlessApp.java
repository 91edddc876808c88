package dev.heapdelta.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How {@code bench --commands} starts the app without a display: on Monocle's headless glass platform with
 * software rendering, as the app's UI tests run. Monocle is a test dependency ({@code org.testfx:openjfx-monocle}),
 * so its jar is added to the class path: the one given, or the newest in the local Maven repository.
 */
record HeadlessApp(Path monocleJar) {
    private static final Path IN_MAVEN_REPOSITORY = Path.of("org", "testfx", "openjfx-monocle");

    /** The JVM flags of the UI tests' surefire configuration that select headless Monocle. */
    List<String> jvmFlags() {
        return List.of("-Dtestfx.robot=glass", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true");
    }

    /**
     * The app with {@code jar}, or, without one, with the newest Monocle jar of the local Maven repository;
     * null when there is none.
     */
    static HeadlessApp find(Path jar) throws IOException {
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new UsageException("--monocle: file not found: " + jar);
            }
            return new HeadlessApp(jar.toAbsolutePath());
        }
        Path versions = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(IN_MAVEN_REPOSITORY);
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> jars = Files.walk(versions, 2)) {
            return jars.filter(path -> path.getFileName().toString().matches("openjfx-monocle-[\\d.]+\\.jar")
                    && path.getParent().getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(path -> Runtime.Version.parse(path.getParent().getFileName().toString())))
                    .map(HeadlessApp::new).orElse(null);
        }
    }
}
