package dev.ronbun.infra.services;

import dev.ronbun.infra.process.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a service's {@code /q/health/ready} answers 200, or says why it never did. */
public final class ReadinessProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The readiness endpoint of a service listening on {@code baseUrl}. */
    public static URI readinessOf(String baseUrl) {
        return URI.create(baseUrl + "/q/health/ready");
    }

    /**
     * Polls {@code readinessUrl} until it answers 200.
     *
     * @throws NotReadyException if the process exits or {@code timeout} passes first
     */
    public void awaitReady(ChildProcess process, URI readinessUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NotReadyException(process, "exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readinessUrl)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotReadyException(process, "interrupted while waiting");
            }
            sleep();
        }
        throw new NotReadyException(process, "not ready after " + timeout.toSeconds() + " s at " + readinessUrl
                + " (last answer: " + lastAnswer + ")");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A service that did not become ready; carries the process so the caller can show its log. */
    public static final class NotReadyException extends RuntimeException {

        private final transient ChildProcess process;

        NotReadyException(ChildProcess process, String reason) {
            super(process.name() + " " + reason);
            this.process = process;
        }

        public ChildProcess process() {
            return process;
        }
    }
}
