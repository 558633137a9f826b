package dev.ronbun.tools.bench;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.tools.evaluation.LoadCorpus;
import dev.ronbun.tools.evaluation.SyntheticPapers;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * New papers at a steady rate while the load runs, published to {@code ronbun.papers.v1} as embed-service publishes a
 * newly embedded paper. They continue the seeded synthetic corpus (same seed, same topics), so each lands among
 * neighbours that are cached. Parsing and embedding are left out on purpose: on two cores the model would take the
 * CPU the measured requests need, and what is measured here is how the caches bear new papers.
 */
final class SteadyIngest implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("steady-ingest").daemon().factory());
    private final SyntheticPapers synthetic;
    private final AtomicInteger next;
    private final AtomicInteger published = new AtomicInteger();

    /**
     * @param seeded     the papers the corpus was seeded with (their topics are drawn from this count)
     * @param firstIndex the synthetic index of the first new paper: past every paper published so far
     */
    SteadyIngest(String bootstrap, int seeded, int firstIndex, double perSecond) {
        this.synthetic = new SyntheticPapers(LoadCorpus.SEED, LoadCorpus.DIMENSION, LoadCorpus.clustersFor(seeded));
        this.next = new AtomicInteger(firstIndex);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        long periodMicros = Math.max(1, Math.round(1e6 / perSecond));
        timer.scheduleAtFixedRate(this::publishOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void publishOne() {
        int paper = next.getAndIncrement();
        producer.send(new ProducerRecord<>(Topics.PAPERS.name(), SyntheticPapers.idOf(paper),
                EventJson.write(synthetic.paper(paper))), (metadata, error) -> {
                    if (error == null) {
                        published.incrementAndGet();
                    }
                });
    }

    /** Papers the broker has acknowledged so far. */
    int published() {
        return published.get();
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        producer.close();
    }
}
