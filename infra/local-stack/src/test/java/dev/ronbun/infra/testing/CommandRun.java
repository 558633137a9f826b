package dev.ronbun.infra.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of a {@code ./ronbun} command in this JVM, with what it printed: its exit code and its standard output
 * and error as text. For the tests of the picocli commands ({@code --help}, usage errors, typed options).
 */
public record CommandRun(int exitCode, String out, String err) {

    /** A command's own entry point that prints to the streams it is given: {@code run(args, out, err)}. */
    @FunctionalInterface
    public interface Entry {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    public static CommandRun of(Entry entry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = entry.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A picocli command (an annotated object or method) run with its output and error captured. */
    public static CommandRun of(CommandLine command, String... args) {
        return of((arguments, out, err) -> command.setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(arguments), args);
    }
}
