package dev.ronbun.faults.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.Topics;
import dev.ronbun.faults.http.RonbunHttp;
import dev.ronbun.faults.stack.ProbedStack;
import dev.ronbun.infra.kafka.KafkaClassLoading;
import dev.ronbun.infra.services.RonbunService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the pipeline holds: the services' databases over read-only JDBC, the index through
 * recommend-service's API, the dead-letter topics and the consumer groups' committed offsets from the broker.
 */
public final class PipelineProbe {

    /** recommend-service's reading-event consumers, shared by its replicas. */
    private static final String READERS_GROUP = "recommend-service-readers";
    private static final List<String> DEAD_LETTER_TOPICS = Topics.all().stream().map(t -> t.deadLetter()).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProbedStack stack;
    private final RonbunHttp http;
    /** The consumer groups whose topics are not transactional, so a caught-up group has a lag of exactly 0. */
    private final Map<String, String> nonTransactionalGroups = new LinkedHashMap<>();

    public PipelineProbe(ProbedStack stack, RonbunHttp http) {
        this.stack = stack;
        this.http = http;
        stack.recommendIndexGroups().forEach(group -> nonTransactionalGroups.put(group, Topics.PAPERS.name()));
        nonTransactionalGroups.put(READERS_GROUP, Topics.READING_EVENTS.name());
    }

    /** Reads everything once; throws when a store cannot be read right now (the caller polls). */
    public PipelineSnapshot snapshot() throws SQLException {
        Set<String> ledger = new HashSet<>();
        query(RonbunService.INGEST, "select document_id from ingested_documents", row -> ledger.add(row.getString(1)));
        Set<String> paperKeys = new HashSet<>();
        query(RonbunService.EMBED, "select paper_key from papers", row -> paperKeys.add(row.getString(1)));
        long[] paperRows = {0};
        query(RonbunService.EMBED, "select count(*) from papers", row -> paperRows[0] = row.getLong(1));
        Map<String, String> summaries = new HashMap<>();
        query(RonbunService.EMBED, "select summary_id, paper_id from summaries",
                row -> summaries.put(row.getString(1), row.getString(2)));
        long[] summaryRows = {0};
        query(RonbunService.EMBED, "select count(*) from summaries", row -> summaryRows[0] = row.getLong(1));
        long[] withVector = {0};
        query(RonbunService.EMBED, "select count(distinct paper_id) from paper_vectors",
                row -> withVector[0] = row.getLong(1));
        Set<String> readingEvents = new HashSet<>();
        query(RonbunService.RECOMMEND, "select event_id from reading_events", row -> readingEvents.add(row.getString(1)));
        return new PipelineSnapshot(ledger, paperKeys, paperRows[0], summaries, summaryRows[0], withVector[0],
                indexTotal(), readingEvents, consumerLag(), deadLetters());
    }

    /** recommend-service's paper count, or -1 when it does not answer. */
    public long indexTotal() {
        return indexTotal(stack.recommendBaseUrl());
    }

    /** The paper count of the recommend-service at {@code recommendBaseUrl}, or -1 when it does not answer. */
    public long indexTotal(String recommendBaseUrl) {
        try {
            HttpResponse<String> response = http.get(URI.create(recommendBaseUrl + "/api/papers?size=1"));
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("total").asLong(-1) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether recommend-service serves the paper with this id. */
    public boolean indexServes(String paperId) throws IOException {
        return http.get(URI.create(stack.recommendBaseUrl() + "/api/papers/" + paperId))
                .statusCode() == 200;
    }

    /** {@code /q/health/ready} of the service at {@code baseUrl}: its status code and body. */
    public HttpResponse<String> readiness(String baseUrl) throws IOException {
        return http.get(URI.create(baseUrl + "/q/health/ready"));
    }

    /** Rows in {@code table} of the service's database: a duplicate that a set of ids would hide shows here. */
    public long rows(RonbunService service, String table) throws SQLException {
        long[] rows = {0};
        query(service, "select count(*) from " + table, row -> rows[0] = row.getLong(1));
        return rows[0];
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(RonbunService service, String sql, RowReader reader) throws SQLException {
        try (Connection connection = stack.postgres().connect(service.database())) {
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private Map<String, Long> consumerLag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        try (Admin admin = stack.admin()) {
            for (var group : nonTransactionalGroups.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < Topics.PAPERS.partitions(); p++) {
                    latest.put(new TopicPartition(group.getValue(), p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
                        .all().get(30, TimeUnit.SECONDS);
                long total = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    total += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
                lag.put(group.getKey(), total);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read consumer offsets: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return lag;
    }

    /** Every record on the dead-letter topics, read committed, from the beginning to the current end. */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = KafkaClassLoading.withKafkaClassLoader(() -> new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString()),
                new StringDeserializer(), new StringDeserializer()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : DEAD_LETTER_TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the dead-letter topics to their end in 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER);
                    found.add(new DeadLetter(record.topic(), record.key(),
                            reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return found;
    }
}
