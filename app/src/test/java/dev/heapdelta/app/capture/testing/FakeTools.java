package dev.heapdelta.app.capture.testing;

import dev.heapdelta.app.capture.CommandEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fake {@code docker}, {@code podman} and {@code kubectl} executables: small shell scripts in a temp
 * bin directory that is put first on the PATH of the commands HeapDelta runs (never on the JVM's own).
 * Each records its arguments in a log, then answers by a {@code case} on its argument string.
 */
public final class FakeTools {
    private final Path bin;
    private final Path log;
    private final Path state;
    private final Map<String, String> variables = new LinkedHashMap<>();

    public FakeTools(Path root) throws IOException {
        this.bin = Files.createDirectories(root.resolve("fake-bin"));
        this.state = Files.createDirectories(root.resolve("fake-state"));
        this.log = root.resolve("fake-calls.log");
        Files.createFile(log);
        variables.put("FAKE_LOG", log.toString());
        variables.put("FAKE_STATE", state.toString());
    }

    /** Makes a variable visible to the fake scripts (a dump file to hand back, a port). */
    public FakeTools withVariable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /**
     * Writes a fake program. {@code cases} is the body of {@code case "$*" in … esac}; {@code $last} holds
     * the last argument. Unexpected arguments exit with 99.
     */
    public FakeTools program(String name, String cases) throws IOException {
        String script = "#!/bin/sh\n"
                + "printf '%s\\n' \"" + name + " $*\" >> \"$FAKE_LOG\"\n"
                + "for last; do :; done\n"
                + "case \"$*\" in\n"
                + cases
                + "*) echo \"fake " + name + ": unexpected arguments: $*\" >&2; exit 99;;\n"
                + "esac\n";
        Path file = bin.resolve(name);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    public Path state() {
        return state;
    }

    /** This JVM's environment with the fakes first on PATH and their variables set. */
    public CommandEnvironment environment() {
        CommandEnvironment base = CommandEnvironment.inherited().withPathPrepended(bin);
        Map<String, String> all = new LinkedHashMap<>(base.variables());
        all.putAll(variables);
        return new CommandEnvironment(all, base.javaHome());
    }

    /** The environment without the fakes' programs: PATH holds only an empty directory. */
    public CommandEnvironment environmentWithoutPrograms() throws IOException {
        return environment().withPath(Files.createDirectories(state.resolve("empty-bin")).toString());
    }

    /** Every call so far, as {@code program arguments…}, in order. */
    public List<String> calls() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
