package dev.ronbun.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every record a service may produce fits the topic it goes to and the broker: a producer's {@code max.request.size}
 * within the topic's {@code max.message.bytes}, its {@code buffer.memory} able to hold such a record, and the broker's
 * {@code message.max.bytes} within reach of every topic. Read from the services' own application.properties, so the
 * limits cannot drift apart again (a 1 MB document once failed with a 500 on a 1 MiB producer limit).
 */
class MessageSizeLimitsTest {

    private static final long KAFKA_DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;

    @Test
    void ingestSummariesFitTheSummariesTopicAndIngestChecksEachEventBelowTheProducerLimit() throws IOException {
        Properties ingest = properties("ingest-service");
        long maxRequest = Long.parseLong(ingest.getProperty("ronbun.ingest.publishing.max-request-bytes"));
        long maxEvent = Long.parseLong(ingest.getProperty("ronbun.ingest.max-event-bytes"));
        long maxDocument = Long.parseLong(ingest.getProperty("ronbun.ingest.max-document-bytes"));

        assertThat(maxRequest).isLessThanOrEqualTo(TopicSettings.of(Topics.SUMMARIES).maxMessageBytes())
                .isLessThanOrEqualTo(TopicSettings.deadLetterOf(Topics.SUMMARIES).maxMessageBytes())
                .isLessThanOrEqualTo(KAFKA_DEFAULT_BUFFER_MEMORY);
        assertThat(maxEvent).as("room for key, headers and record overhead").isLessThan(maxRequest - 64 * 1024);
        assertThat(maxEvent).as("a document's text twice (sections and body), JSON escaping doubling it")
                .isGreaterThan(4 * maxDocument + 64 * 1024);
    }

    @Test
    void embedPapersFitThePapersTopicAndTheProducersBuffer() throws IOException {
        Properties embed = properties("embed-service");
        long maxRequest = Long.parseLong(embed.getProperty("mp.messaging.outgoing.papers.max.request.size"));
        long bufferMemory = Long.parseLong(embed.getProperty("mp.messaging.outgoing.papers.buffer.memory"));

        assertThat(maxRequest).isLessThanOrEqualTo(TopicSettings.of(Topics.PAPERS).maxMessageBytes())
                .isLessThanOrEqualTo(bufferMemory)
                .isGreaterThanOrEqualTo(TopicSettings.of(Topics.SUMMARIES).maxMessageBytes());
    }

    @Test
    void deadLetterProducersTakeTheLargestRecordOfTheTopicTheyRead() throws IOException {
        Properties embed = properties("embed-service");
        Properties recommend = properties("recommend-service");
        long summariesDlq = Long.parseLong(
                embed.getProperty("mp.messaging.incoming.summaries.dead-letter-queue.max.request.size"));
        long papersDlq = Long.parseLong(
                recommend.getProperty("mp.messaging.incoming.papers.dead-letter-queue.max.request.size"));
        long papersDlqBuffer = Long.parseLong(
                recommend.getProperty("mp.messaging.incoming.papers.dead-letter-queue.buffer.memory"));

        assertThat(summariesDlq).isEqualTo(TopicSettings.of(Topics.SUMMARIES).maxMessageBytes())
                .isLessThanOrEqualTo(TopicSettings.deadLetterOf(Topics.SUMMARIES).maxMessageBytes())
                .isLessThanOrEqualTo(KAFKA_DEFAULT_BUFFER_MEMORY);
        assertThat(papersDlq).isEqualTo(TopicSettings.of(Topics.PAPERS).maxMessageBytes())
                .isLessThanOrEqualTo(TopicSettings.deadLetterOf(Topics.PAPERS).maxMessageBytes())
                .isLessThanOrEqualTo(papersDlqBuffer);
        assertThat(TopicSettings.of(Topics.READING_EVENTS).maxMessageBytes()).as("reading events: Kafka's default")
                .isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void theBrokerAcceptsTheLargestRecordOfEveryTopic() {
        long brokerLimit = Long.parseLong(BrokerSettings.settings().get("message.max.bytes"));

        assertThat(TopicSettings.all()).allSatisfy(topic ->
                assertThat((long) topic.maxMessageBytes()).isLessThanOrEqualTo(brokerLimit));
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        Path file = Path.of("../..", service, "src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
