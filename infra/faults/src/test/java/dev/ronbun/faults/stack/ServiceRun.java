package dev.ronbun.faults.stack;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One launch of a service by the suite. Each launch logs to a file of its own, so a service that restarted by
 * itself (or crash-looped under a supervisor) would show more than one start-up line there.
 *
 * @param generation 1 for the first launch, 2 after the suite killed and relaunched it once, …
 */
public record ServiceRun(RonbunService service, int generation, ChildProcess process) {

    /** Quarkus's start-up line: "… (powered by Quarkus 3.36.3) started in 4.123s. Listening on: …". */
    private static final Pattern STARTED = Pattern.compile("\\(powered by Quarkus [^)]*\\) started in ");

    /** How many times this launch's log says the application started. */
    public long startUps() {
        try (Stream<String> lines = Files.lines(process.logFile(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> STARTED.matcher(line).find()).count();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot read " + process.logFile(), e);
        }
    }
}
