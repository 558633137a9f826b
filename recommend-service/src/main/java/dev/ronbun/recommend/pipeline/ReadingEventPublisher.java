package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.ReadingEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes reading events to {@code ronbun.reading-events.v1}, keyed by reader id (one reader, one partition). */
@ApplicationScoped
public class ReadingEventPublisher {

    private final Emitter<Record<String, String>> events;

    public ReadingEventPublisher(@Channel("reading-events-out")
                                 @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                                 Emitter<Record<String, String>> events) {
        this.events = events;
    }

    /** Sends the event and waits for the broker's acknowledgement, so an accepted request is a durable event. */
    public void publish(ReadingEvent event) {
        events.send(Record.of(event.readerId(), EventJson.write(event))).toCompletableFuture().join();
    }
}
