package dev.ronbun.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's CPU time and memory as Linux reports them in /proc/self, for benchmarks that print them. */
public final class OwnProcess {

    private OwnProcess() {
    }

    /** User plus system CPU time of this process (all threads), from /proc/self/stat. */
    public static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** A memory line of /proc/self/status ({@code VmHWM}, {@code VmRSS}…) in MiB; -1 when it cannot be read. */
    public static long statusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
