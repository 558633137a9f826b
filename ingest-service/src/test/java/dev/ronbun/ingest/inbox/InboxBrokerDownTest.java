package dev.ronbun.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.ingest.config.IngestConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A document that cannot be published now (no broker) stays in the inbox and is tried again after a wait that grows,
 * never lands in failed/, and is published once the broker can be reached (issue 17, repro 3: retried about once a
 * second forever). The service starts while the broker is out of reach.
 */
@QuarkusTest
@TestProfile(InboxBrokerDownTest.BrokerBehindADoor.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class InboxBrokerDownTest {

    private static final String DOOR_PORT_PROPERTY = "ronbun.test.inbox-broker-door-port";
    /** Where the summaries producer looks for the broker: a door that is shut until the test opens it. */
    static final int DOOR_PORT = freePort();

    /** The summaries producer reaches the broker only through the door, and gives up on each send within a second. */
    public static class BrokerBehindADoor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.ingest.publishing.bootstrap-servers", "127.0.0.1:" + DOOR_PORT,
                    "ronbun.ingest.publishing.max-block", "1s");
        }
    }

    @Inject
    IngestConfig config;

    @Inject
    InboxWatcher watcher;

    @Test
    void aDocumentThatCannotBePublishedWaitsLongerEachTimeAndIsPublishedWhenTheBrokerIsBack() throws Exception {
        Path inbox = config.inbox().dir();
        Files.writeString(inbox.resolve("while-down.txt"), """
                2026-03-17 機械学習勉強会

                @Ken Ito

                [論文] Waiting For The Broker (broker down test)

                  • ブローカーが戻るまで待つ
                """, StandardCharsets.UTF_8);

        await(() -> watcher.currentWait("while-down.txt").orElse(Duration.ZERO).compareTo(Duration.ofSeconds(4)) >= 0);
        assertThat(inbox.resolve("while-down.txt")).exists();
        assertThat(inbox.resolve("failed/while-down.txt")).doesNotExist();
        // Three tries have failed and the next is seconds away: no producer of theirs is left running, whose late
        // InitProducerId would fence the producer in use once the broker is back (ingest then published nothing more).
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.equals("kafka-producer-network-thread | ronbun-ingest-summaries"));

        try (ServerSocket door = openDoorTo(RonbunTestInfrastructure.bootstrapServers())) {
            await(() -> Files.exists(inbox.resolve("done/while-down.txt")));
        }
        assertThat(inbox.resolve("failed/while-down.txt")).doesNotExist();
        assertThat(TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> "while-down.txt".equals(s.documentName()))).hasSize(1);
    }

    /**
     * Forwards connections from the door's port to the broker; the broker then names its own address, which the
     * producer uses from there on.
     */
    private static ServerSocket openDoorTo(String bootstrapServers) throws IOException {
        String[] hostAndPort = bootstrapServers.split(",")[0].split(":");
        ServerSocket door = new ServerSocket(DOOR_PORT, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!door.isClosed()) {
                try {
                    Socket client = door.accept();
                    Socket broker = new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
                    Thread.ofVirtual().start(() -> pipe(client, broker));
                    Thread.ofVirtual().start(() -> pipe(broker, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return door;
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // either side closed: so does the other
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /**
     * A free port, the same for the profile and the test: Quarkus loads this class twice (JUnit's class loader and its
     * own), so a plain static field would give each copy its own port; a system property is one per JVM.
     */
    private static synchronized int freePort() {
        String chosen = System.getProperty(DOOR_PORT_PROPERTY);
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setProperty(DOOR_PORT_PROPERTY, Integer.toString(probe.getLocalPort()));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
