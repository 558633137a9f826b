package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.kafka.TopicSettings;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The like-for-like reference: {@code src/test/bench/pipeline-reference.mjs}, a transformers.js service with kafkajs
 * and node-postgres doing embed-service's job (summary events in from Kafka, vectors stored in PostgreSQL, papers out
 * on Kafka) on the same broker and database server, over topics and a database of its own. Started once and warmed
 * like embed-service; each round sends it the round's summaries (with Ronbun's passages, so the chunking is the same)
 * and is timed the same way: from the first send until every summary is in a paper on its output topic.
 */
final class PipelineReference implements AutoCloseable {

    static final String INPUT = "bench.reference.summaries";
    static final String OUTPUT = "bench.reference.papers";
    static final String DATABASE = "reference";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    record Result(double summariesPerSecond, double cpuSeconds, Map<String, float[]> vectors) {
    }

    private final ChildProcess node;
    private final SummariesArrival arrival;
    private final PostgresServer postgres;
    private final String ready;

    private PipelineReference(ChildProcess node, SummariesArrival arrival, PostgresServer postgres, String ready) {
        this.node = node;
        this.arrival = arrival;
        this.postgres = postgres;
        this.ready = ready;
    }

    static PipelineReference start(TransformersJs install, Path work, String bootstrapServers, PostgresServer postgres,
                                   int threads, int concurrency) throws Exception {
        TopicProvisioner.forSingleBroker(bootstrapServers).provision(List.of(
                new TopicSettings(INPUT, Topics.SUMMARIES.partitions(), "delete", TopicSettings.SUMMARIES_MAX_MESSAGE_BYTES),
                new TopicSettings(OUTPUT, Topics.PAPERS.partitions(), "delete", TopicSettings.PAPERS_MAX_MESSAGE_BYTES)));
        postgres.createDatabaseIfMissing(DATABASE);
        String url = "postgres://%s:%s@%s:%d/%s".formatted(postgres.user(), postgres.password(), postgres.host(),
                postgres.port(), DATABASE);
        ChildProcess node = ChildProcess.start("transformers-js-reference", List.of("node",
                        install.scripts().resolve("pipeline-reference.mjs").toString(), install.nodeModules().toString(),
                        install.modelDir().toString(), "--bootstrap", bootstrapServers, "--in", INPUT, "--out", OUTPUT,
                        "--postgres", url, "--threads", Integer.toString(threads),
                        "--concurrency", Integer.toString(concurrency)),
                Map.of(), work, work.resolve("logs/transformers-js-reference.log"),
                work.resolve("run/transformers-js-reference.pid"));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String ready = null;
        while (ready == null) {
            ready = Files.readAllLines(node.logFile()).stream().filter(l -> l.startsWith("ready ")).findFirst()
                    .orElse(null);
            if (ready == null && (!node.isAlive() || System.nanoTime() > deadline)) {
                node.stop(Duration.ofSeconds(5));
                fail("the reference pipeline did not start; its log ends:%n%s", String.join("\n", node.logTail(40)));
            }
            Thread.sleep(100);
        }
        return new PipelineReference(node, new SummariesArrival(bootstrapServers, OUTPUT, PipelineReference::summaryIds),
                postgres, ready);
    }

    String describe() {
        return "node pipeline-reference.mjs (" + ready.substring("ready ".length()) + "): kafkajs in, one summary at "
                + "a time per partition consumed, one passage per pass, no passage cache, summary and paper vectors "
                + "stored in PostgreSQL in one transaction, the paper published with acks=all";
    }

    /** Sends a round's summaries, waits until all are in papers on the output topic, returns the figures. */
    Result run(List<SummaryEvent> summaries, PaperVectorizer chunking, KafkaProducer<String, String> producer)
            throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (SummaryEvent summary : summaries) {
            ObjectNode event = EventJson.mapper().valueToTree(summary);
            event.put("summaryId", summary.summaryId());
            event.set("passages", EventJson.mapper().valueToTree(EmbeddingReference.passages(summary, chunking)));
            records.add(new ProducerRecord<>(INPUT, summary.paperKey(), EventJson.mapper().writeValueAsString(event)));
        }
        double cpuBefore = ProcessStats.cpuSeconds(node.pid());
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            arrival.sent(summaries.get(i));
            producer.send(records.get(i));
        }
        producer.flush();
        long end = arrival.await(summaries, node);
        double cpu = ProcessStats.cpuSeconds(node.pid()) - cpuBefore;
        return new Result(summaries.size() / ((end - start) / 1e9), cpu, storedVectors(summaries));
    }

    long peakRssMib() {
        return ProcessStats.memoryMib(node.pid(), "VmHWM");
    }

    private Map<String, float[]> storedVectors(List<SummaryEvent> summaries) throws Exception {
        try (Connection connection = postgres.connect(DATABASE)) {
            return StoredSummaryVectors.read(connection, "reference_summaries", summaries);
        }
    }

    private static List<String> summaryIds(String paper) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : EventJson.mapper().readTree(paper).path("summaryIds")) {
                ids.add(id.asText());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        arrival.close();
        node.stop(Duration.ofSeconds(10));
    }
}
