package dev.ronbun.faults.events;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readers keep reading while a fault strikes: writes one valid reading event every half second in the background,
 * straight onto {@code ronbun.reading-events.v1}, and remembers which ones the broker acknowledged.
 */
public final class ReadingEventFeed implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int READERS = 3;

    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile RuntimeException failure;

    /** Starts writing events of {@code scenario} about {@code paperIds}. */
    public ReadingEventFeed(TopicWriter writer, String scenario, List<String> paperIds) {
        this.thread = Thread.ofPlatform().name("fault-suite-readers").daemon().start(() -> {
            for (int i = 0; !stopping; i++) {
                ReadingEvent event = new ReadingEvent(ReadingEvent.SCHEMA_VERSION, "fault-suite-" + scenario + "-" + i,
                        readerId(scenario, i % READERS), paperIds.get(i % paperIds.size()),
                        ReadingType.READ, 30, Instant.now());
                try {
                    writer.write(Topics.READING_EVENTS.name(), event.readerId(), EventJson.write(event));
                    written.add(event.eventId());
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                    return;
                }
            }
        });
    }

    /** The id of the {@code n}th of the scenario's three readers, each of whom reads on until the feed stops. */
    public static String readerId(String scenario, int n) {
        return "fault-reader-" + scenario + "-" + n;
    }

    /** Stops writing and returns the ids of the events the broker acknowledged. */
    public Set<String> stop() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofMinutes(4));
        if (failure != null) {
            throw new IllegalStateException("a reading event could not be written", failure);
        }
        return Set.copyOf(written);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
