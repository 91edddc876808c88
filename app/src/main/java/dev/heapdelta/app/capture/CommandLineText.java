package dev.heapdelta.app.capture;

import java.util.List;
import java.util.regex.Pattern;

/** Renders a command as it could be pasted into a POSIX shell, so that every command shown can be rerun by hand. */
public final class CommandLineText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLineText() {
    }

    public static String render(List<String> command) {
        StringBuilder text = new StringBuilder();
        for (String argument : command) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(quote(argument));
        }
        return text.toString();
    }

    public static String quote(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
