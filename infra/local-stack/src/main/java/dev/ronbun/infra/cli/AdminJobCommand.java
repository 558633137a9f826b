package dev.ronbun.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.stack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./ronbun reindex} and {@code ./ronbun reembed}: starts an admin job of the running stack (POST), then
 * follows it (GET each second) and shows its progress as a bar until it is done (exit 0) or failed (exit 1). The
 * admin token is minted here from the stack's keys, so it never appears in a process list.
 */
@Command(name = "ronbun admin-job", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
        description = "Starts an admin job of the running stack and shows its progress as a bar.")
public final class AdminJobCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "reindex or reembed")
    AdminJob job;

    @Option(names = "--url", paramLabel = "URL",
            description = "the job's endpoint (default: the service's port on this machine, from RONBUN_*_PORT)")
    URI url;

    @Option(names = "--poll-ms", paramLabel = "MS", description = "between two looks at the job (default: "
            + "${DEFAULT-VALUE})")
    long pollMillis = 1000;

    private final StackConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminJobCommand(StackConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, StackConfig.fromEnvironment(), System.out, System.err));
    }

    static int run(String[] args, StackConfig config, PrintStream out, PrintStream err) {
        return new CommandLine(new AdminJobCommand(config, out, err)).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        URI endpoint = url != null ? url
                : URI.create("http://127.0.0.1:" + config.servicePorts().get(job.service()) + job.path());
        String token = SigningKeys.loadOrCreate(config.keysDir()).issuer().token(Roles.ADMIN, null);
        JsonNode status;
        try {
            status = send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.noBody()), token);
        } catch (IOException e) {
            err.println("ronbun: " + endpoint + " did not answer; is ./ronbun up running?");
            return 1;
        } catch (JobRefused e) {
            err.println("ronbun: " + endpoint + ": " + e.getMessage());
            return 1;
        }
        JobBar bar = new JobBar();
        try {
            while (true) {
                JobProgress progress = job.describe(status);
                switch (progress.state()) {
                    case DONE -> {
                        bar.close();
                        out.println(progress.line());
                        return 0;
                    }
                    case FAILED -> {
                        bar.close();
                        err.println(progress.line());
                        return 1;
                    }
                    case RUNNING -> bar.show(progress);
                }
                Thread.sleep(pollMillis);
                try {
                    status = send(HttpRequest.newBuilder(endpoint).GET(), token);
                } catch (IOException | JobRefused e) {
                    bar.close();
                    err.println("ronbun: lost " + endpoint + " (" + e.getMessage() + ")");
                    return 1;
                }
            }
        } finally {
            bar.close();
        }
    }

    /**
     * The job's progress as a bar (me.tongfei:progressbar) on this command's output, one bar per phase: a finished
     * phase's bar stays on its line, the next one starts below it.
     */
    private final class JobBar {

        /** Wide enough for the bar, the count, the times and a detail; narrow enough for an 80-column terminal. */
        private static final int WIDTH = 79;

        private ProgressBar bar;
        private String phase;

        void show(JobProgress progress) {
            if (!progress.phase().equals(phase)) {
                close();
                phase = progress.phase();
                bar = ProgressBar.builder().setTaskName(phase).setInitialMax(progress.total())
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out, WIDTH))
                        .build();
            }
            bar.maxHint(progress.total());
            bar.stepTo(progress.done());
            bar.setExtraMessage(progress.detail());
            bar.refresh();
        }

        void close() {
            if (bar != null) {
                bar.close();
                bar = null;
                phase = null;
            }
        }
    }

    private JsonNode send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException, JobRefused {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = EventJson.mapper().readTree(response.body() == null || response.body().isBlank() ? "{}"
                    : response.body());
        } catch (IOException e) {
            body = EventJson.mapper().createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            throw new JobRefused("HTTP " + response.statusCode() + " " + body.path("detail").asText(""));
        }
        return body;
    }

    /** The service answered, but not with the job's status (a 4xx with its problem detail, or a 5xx). */
    private static final class JobRefused extends Exception {
        JobRefused(String message) {
            super(message.strip());
        }
    }
}
