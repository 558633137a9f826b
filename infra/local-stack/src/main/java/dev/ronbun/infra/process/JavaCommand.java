package dev.ronbun.infra.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a child JVM, run by the same Java as this one. */
public final class JavaCommand {

    private JavaCommand() {
    }

    /** The {@code java} launcher of the JVM running this code. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java <jvmOptions> -jar <jar>}. */
    public static List<String> jar(List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(currentJava().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** {@code java <jvmOptions> -cp <classPath> <mainClass> <arguments>}. */
    public static List<String> mainClass(List<String> jvmOptions, String classPath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(currentJava().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
