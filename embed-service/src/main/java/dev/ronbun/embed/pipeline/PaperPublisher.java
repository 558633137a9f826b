package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import io.smallrye.context.api.CurrentThreadContext;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes a stored paper's full state to the compacted {@code ronbun.papers.v1}, keyed by paper id. */
@ApplicationScoped
public class PaperPublisher {

    private final Emitter<Record<String, String>> papers;

    public PaperPublisher(@Channel("papers") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                          Emitter<Record<String, String>> papers) {
        this.papers = papers;
    }

    /**
     * Sends the paper and waits for the broker's acknowledgement, so the summary's offset is committed only after.
     * Called inside a database transaction, which is not propagated to the producer's network thread that completes
     * the send: a second thread in the transaction made its commit fail now and then (quarkusio/quarkus #39098).
     */
    @CurrentThreadContext(cleared = ThreadContext.TRANSACTION)
    public void publish(PaperEvent paper) {
        CompletionStage<Void> acked = papers.send(Record.of(paper.paperId(), EventJson.write(paper)));
        acked.toCompletableFuture().join();
    }

    /** Sends a tombstone for a paper id merged into another work's record, and waits for the acknowledgement. */
    @CurrentThreadContext(cleared = ThreadContext.TRANSACTION)
    public void tombstone(String paperId) {
        papers.send(Record.<String, String>of(paperId, null)).toCompletableFuture().join();
    }
}
