package dev.ronbun.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @TempDir
    Path state;

    @Test
    void formatsItsDataDirectoryStartsAndStopsWithoutLeavingItsPidFile() throws Exception {
        KafkaBrokerProcess.Layout layout = new KafkaBrokerProcess.Layout(freePort(), freePort(),
                state.resolve("data/kafka"), state.resolve("run/kafka"), state.resolve("logs/kafka.log"),
                state.resolve("run/kafka.pid"), List.of("-Xmx256m"));

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(layout)) {
            assertThat(Files.readString(layout.pidFile()).trim()).isEqualTo(Long.toString(broker.process().pid()));
            broker.awaitReady(Duration.ofSeconds(90));

            assertThat(TopicProvisioner.forSingleBroker(broker.bootstrapServers()).provisionAll())
                    .hasSize(TopicSettings.all().size());
            assertThat(TopicProvisioner.forSingleBroker(broker.bootstrapServers()).provisionAll()).isEmpty();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).singleElement()
                        .satisfies(node -> assertThat(node.host()).isEqualTo("127.0.0.1"));
            }
        }

        assertThat(layout.pidFile()).doesNotExist();
        assertThat(layout.dataDir().resolve("meta.properties")).exists();
        assertThat(Files.readString(layout.logFile())).contains("Kafka Server started");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
