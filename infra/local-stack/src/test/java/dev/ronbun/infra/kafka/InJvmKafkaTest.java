package dev.ronbun.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

class InJvmKafkaTest {

    @Test
    void keepsItsDataInADirectoryOfItsOwnThatCloseDeletesAfterTheBrokerStopped() throws Exception {
        Path dataDirectory;
        try (InJvmKafka kafka = InJvmKafka.start()) {
            dataDirectory = kafka.dataDirectory();
            assertThat(dataDirectory.getFileName().toString()).startsWith("ronbun-kafka-");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            try (var children = Files.list(dataDirectory)) {
                assertThat(children).isNotEmpty();
            }
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void aBrokerAskingToHaltOrExitStopsOnlyTheAskingThreadNotThisJvm() {
        try (InJvmKafka kafka = InJvmKafka.start()) {
            // Unguarded, this line would end the test JVM with status 1 and fail the build.
            assertThatThrownBy(() -> Exit.halt(1, "log directory failed"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("halt with status 1: log directory failed");
            assertThatThrownBy(() -> Exit.exit(1, "fatal error"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exit with status 1: fatal error");
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }
}
