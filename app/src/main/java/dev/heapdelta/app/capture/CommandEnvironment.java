package dev.heapdelta.app.capture;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment that external commands run in: their variables (PATH above all) and the Java home
 * whose {@code jcmd} is preferred. Injectable, so that tests can put fake {@code docker} and
 * {@code kubectl} first on PATH without touching the JVM's own environment.
 */
public record CommandEnvironment(Map<String, String> variables, Path javaHome) {

    public CommandEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The environment of this JVM, and its own Java home. */
    public static CommandEnvironment inherited() {
        return new CommandEnvironment(System.getenv(), Path.of(System.getProperty("java.home")));
    }

    public CommandEnvironment withPathPrepended(Path directory) {
        Map<String, String> changed = new LinkedHashMap<>(variables);
        String path = path();
        changed.put("PATH", path.isEmpty() ? directory.toString() : directory + File.pathSeparator + path);
        return new CommandEnvironment(changed, javaHome);
    }

    public CommandEnvironment withPath(String path) {
        Map<String, String> changed = new LinkedHashMap<>(variables);
        changed.put("PATH", path);
        return new CommandEnvironment(changed, javaHome);
    }

    public CommandEnvironment withJavaHome(Path home) {
        return new CommandEnvironment(variables, home);
    }

    public String path() {
        return variables.getOrDefault("PATH", "");
    }

    /**
     * Finds a program on this environment's PATH. The JDK starts a child by searching the JVM's own
     * PATH, not the child's, so the runner resolves names here first.
     */
    public Optional<Path> findExecutable(String name) {
        if (name.contains(File.separator)) {
            Path direct = Path.of(name);
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        for (String directory : path().split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
