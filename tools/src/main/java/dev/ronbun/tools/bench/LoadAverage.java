package dev.ronbun.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine's load averages over 1, 5 and 15 minutes, printed beside every figure: this machine has 2 cores. */
public final class LoadAverage {

    private LoadAverage() {
    }

    public static String now() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
