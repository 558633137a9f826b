package dev.ronbun.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Delivery, proven: each scenario (see {@link FaultScenario}) posts its own documents (default 1,000) while one part
 * of the system fails: a service SIGKILLed, the broker SIGKILLed, PostgreSQL down for 30 s. The scenarios share one
 * stack. The long outages and the poison records are in {@link PoisonAndLongOutagesIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsIT {

    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(30);

    private static PipelineHarness pipeline;

    @BeforeAll
    static void startThePipeline() {
        pipeline = PipelineHarness.start("delivery");
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void nothingIsLostOrDuplicatedWhenIngestServiceIsKilledMidStream() throws Exception {
        runScenario(1, "ingest-service SIGKILLed", (scenario, documents) -> killAndRestart(RonbunService.INGEST));
    }

    @Test
    @Order(2)
    void nothingIsLostOrDuplicatedWhenEmbedServiceIsKilledMidStream() throws Exception {
        runScenario(2, "embed-service SIGKILLed", (scenario, documents) -> killAndRestart(RonbunService.EMBED));
    }

    @Test
    @Order(3)
    void nothingIsLostOrDuplicatedWhenRecommendServiceIsKilledMidStream() throws Exception {
        runScenario(3, "recommend-service SIGKILLed", (scenario, documents) -> killAndRestart(RonbunService.RECOMMEND));
    }

    @Test
    @Order(4)
    void nothingIsLostOrDuplicatedWhenTheBrokerRestartsMidStream() throws Exception {
        runScenario(4, "broker SIGKILLed and restarted", (scenario, documents) -> {
            long started = System.nanoTime();
            ChildProcess killed = pipeline.stack.killBroker();
            assertThat(killed.exitValue()).as("exit value of a SIGKILLed process").isEqualTo(137);
            Thread.sleep(5_000);
            pipeline.stack.startBroker();
            return "broker down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }

    @Test
    @Order(5)
    void nothingIsLostOrDuplicatedWhenPostgresIsDownForThirtySeconds() throws Exception {
        runScenario(5, "PostgreSQL down 30 s", (scenario, documents) -> {
            long started = System.nanoTime();
            pipeline.stack.stopPostgres();
            Thread.sleep(POSTGRES_OUTAGE);
            pipeline.stack.startPostgres();
            return "PostgreSQL down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }

    private static String killAndRestart(RonbunService service) {
        long started = System.nanoTime();
        ChildProcess killed = pipeline.stack.killService(service);
        assertThat(killed.exitValue()).as("exit value of a SIGKILLed process").isEqualTo(137);
        pipeline.stack.restartService(service);
        return "pid %d killed, %s ready again after %.1f s".formatted(killed.pid(), pipeline.stack.process(service),
                (System.nanoTime() - started) / 1e9);
    }

    private static void runScenario(int series, String name, FaultScenario.Fault fault) throws Exception {
        FaultScenario.run(pipeline, series, name, fault);
    }
}
