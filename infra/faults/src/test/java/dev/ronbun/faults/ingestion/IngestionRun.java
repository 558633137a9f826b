package dev.ronbun.faults.ingestion;

import dev.ronbun.faults.documents.SyntheticDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a list of documents with a few concurrent clients in the background, so a fault can strike while documents
 * are still arriving. Each client takes the next document from a shared queue.
 */
public final class IngestionRun {

    private final ConcurrentLinkedQueue<SyntheticDocument> queue;
    private final ConcurrentLinkedQueue<Submission> done = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private volatile long finishedAt;

    private IngestionRun(List<SyntheticDocument> documents, int concurrency) {
        this.queue = new ConcurrentLinkedQueue<>(documents);
        this.clients = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "fault-suite-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code concurrency} clients posting {@code documents} through {@code submitter}. */
    public static IngestionRun start(List<SyntheticDocument> documents, int concurrency, DocumentSubmitter submitter) {
        IngestionRun run = new IngestionRun(documents, concurrency);
        AtomicInteger clientsLeft = new AtomicInteger(concurrency);
        for (int c = 0; c < concurrency; c++) {
            run.running.add(run.clients.submit(() -> {
                try {
                    for (SyntheticDocument document; (document = run.queue.poll()) != null; ) {
                        Submission submission = submitter.submit(document);
                        run.done.add(submission);
                        if (submission.accepted()) {
                            run.accepted.incrementAndGet();
                        }
                    }
                } finally {
                    if (clientsLeft.decrementAndGet() == 0) {
                        run.finishedAt = System.nanoTime();
                    }
                }
            }));
        }
        return run;
    }

    /** Documents ingest has answered 200 or 202 for so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Blocks until {@code count} documents are accepted (or every client has finished). */
    public void awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() < count && running.stream().anyMatch(f -> !f.isDone())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + accepted.get() + " of " + count + " documents accepted in "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Waits for every client to finish and returns every document's outcome. */
    public List<Submission> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<?> client : running) {
                client.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("documents still being posted after " + timeout.toSeconds() + " s", e);
        } finally {
            clients.shutdownNow();
        }
        return List.copyOf(done);
    }

    /** From the first post to the last answer; only meaningful after {@link #await}. */
    public Duration elapsed() {
        return Duration.ofNanos(finishedAt - startedAt);
    }
}
