package dev.ronbun.embed.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: poison records written straight into {@code ronbun.summaries.v1} (bytes that are no JSON, a NUL in a
 * text, a value PostgreSQL refuses, 3 MiB of broken JSON) are each dead-lettered with the reason, and the summary
 * after them is processed.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed"))
class SummaryPoisonRecordsTest {

    private static final String KEY = "arxiv:2405.99999";

    @Test
    void poisonSummariesAreDeadLetteredWithTheReasonAndTheNextSummaryIsPublished() {
        SummaryEvent good = summary("e".repeat(64), "状態空間モデルの並列走査を GPU 上で速くする方法の解説。");
        SummaryEvent nul = summary("f".repeat(64), "本文に\u0000が混ざった要約");
        // year 999999 is a valid Instant, beyond PostgreSQL's timestamptz (SQLState 22008)
        String farFuture = EventJson.write(summary("0".repeat(64), "遠い未来に取り込まれた要約"))
                .replaceFirst("\"ingestedAt\":\"[^\"]+\"", "\"ingestedAt\":\"+999999-01-01T00:00:00Z\"");

        // one key, one partition: the good summary comes after every poison record
        sendBytes(KEY, new byte[] {(byte) 0x80, (byte) 0xFF, 0x00, '{'});
        // 3 MiB, three times Kafka's default request size: the dead-letter producer must still take it
        sendBytes(KEY, ("{\"title\":\"" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
        TestTopics.send(Topics.SUMMARIES.name(), KEY, EventJson.write(nul));
        TestTopics.send(Topics.SUMMARIES.name(), KEY, farFuture);
        TestTopics.send(Topics.SUMMARIES.name(), KEY, EventJson.write(good));

        awaitPublished(PaperIdentity.paperId(KEY));
        List<String> reasons = TestTopics.read(Topics.SUMMARIES.deadLetter(), Integer.MAX_VALUE,
                        Duration.ofSeconds(5)).stream()
                .filter(r -> KEY.equals(r.key()))
                .map(r -> TestTopics.header(r, Topics.DEAD_LETTER_REASON_HEADER))
                .toList();
        assertThat(reasons).hasSize(4)
                .filteredOn(r -> r.startsWith("not a valid SummaryEvent")).hasSize(2);
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r).contains("'summary' contains a NUL"))
                .anySatisfy(r -> assertThat(r).contains("cannot succeed")
                        .endsWith("ERROR: timestamp out of range: \"999999-01-01 00:00:00+00\" (SQLState 22008)"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static SummaryEvent summary(String documentId, String body) {
        return new SummaryEvent(1, KEY, documentId, "notes.txt", 0, "structured-summary",
                "Parallel Scans for State Space Models", null, "2405.99999", List.of(), List.of("A. Author"), "Aoi",
                "paper", LocalDate.of(2026, 1, 13), body, List.of(new Section("手法", body)), body, Instant.now());
    }

    private static void sendBytes(String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = withKafkaClassLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RonbunTestInfrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer()))) {
            producer.send(new ProducerRecord<>(Topics.SUMMARIES.name(), key.getBytes(StandardCharsets.UTF_8), value))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPublished(String paperId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            boolean published = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(2))
                    .stream().anyMatch(r -> paperId.equals(r.key()));
            if (published) {
                return;
            }
        }
        throw new AssertionError("paper " + paperId + " was never published");
    }
}
