package dev.ronbun.faults;

import dev.ronbun.contracts.Topics;
import dev.ronbun.faults.events.BadInput;
import dev.ronbun.faults.events.PoisonRecords;
import dev.ronbun.faults.events.ReadingEventFeed;
import dev.ronbun.faults.events.TopicSample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * No record and no outage stops a consumer (issue 17): poison written straight into each topic, PostgreSQL down for
 * 5 minutes and the broker down for 2 — longer than the 60 s after which the Kafka connector fails a channel with a
 * record it has not acknowledged. Each under a steady ingest of documents and reading events (see
 * {@link FaultScenario}), ending with exact counts and no service restarted, by itself or by hand. The outages are
 * {@code -Dronbun.faults.postgres-outage=PT5M} and {@code -Dronbun.faults.broker-outage=PT2M} (ISO-8601), so the
 * scenarios can be run short as a smoke check. The scenarios share one stack of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonAndLongOutagesIT {

    private static final Duration POSTGRES_OUTAGE =
            PipelineHarness.durationProperty("ronbun.faults.postgres-outage", Duration.ofMinutes(5));
    private static final Duration BROKER_OUTAGE =
            PipelineHarness.durationProperty("ronbun.faults.broker-outage", Duration.ofMinutes(2));

    private static PipelineHarness pipeline;

    @BeforeAll
    static void startThePipeline() {
        pipeline = PipelineHarness.start("outages");
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void poisonInEveryTopicIsDeadLetteredWithItsReasonAndTheConsumersGoOn() throws Exception {
        FaultScenario.run(pipeline, 6, "poison records in every topic", (scenario, documents) -> {
            // A real paper as a template, so that the NUL in its title is the only thing wrong with the copy.
            String samplePaper = TopicSample.first(pipeline.stack.bootstrapServers(), Topics.PAPERS.name(),
                    Duration.ofMinutes(5));
            List<BadInput> poison = PoisonRecords.forScenario(scenario,
                    documents.getLast().summaries().getFirst().paperKey(), ReadingEventFeed.readerId(scenario, 0),
                    samplePaper);
            poison.forEach(pipeline.writer::write);
            pipeline.expected.addBadInputs(poison);
            return poison.size() + " poison records (not JSON, impossible values, a NUL in a string) written into "
                    + "the three topics";
        });
    }

    @Test
    @Order(2)
    void nothingIsLostOrDuplicatedWhenTheBrokerIsDownForTwoMinutes() throws Exception {
        FaultScenario.run(pipeline, 8, "broker down " + BROKER_OUTAGE.toSeconds() + " s", (scenario, documents) -> {
            long started = System.nanoTime();
            pipeline.stack.stopBroker();
            Thread.sleep(BROKER_OUTAGE);
            pipeline.stack.startBroker();
            return "broker stopped, down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }

    @Test
    @Order(3)
    void nothingIsLostOrDuplicatedWhenPostgresIsDownForFiveMinutes() throws Exception {
        String name = "PostgreSQL down " + POSTGRES_OUTAGE.toSeconds() + " s";
        FaultScenario.run(pipeline, 7, name, (scenario, documents) -> {
            long started = System.nanoTime();
            pipeline.stack.stopPostgres();
            Thread.sleep(POSTGRES_OUTAGE);
            pipeline.stack.startPostgres();
            return "PostgreSQL down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }
}
