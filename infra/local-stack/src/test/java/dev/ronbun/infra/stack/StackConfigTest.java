package dev.ronbun.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.infra.services.RonbunService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void defaultsToTheDocumentedPortsFoldersAndTimeouts() {
        StackConfig config = StackConfig.from(Map.of("RONBUN_HOME", "/srv/ronbun")::get);

        assertThat(config.root()).isEqualTo(Path.of("/srv/ronbun"));
        assertThat(config.stateDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.servicePorts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                RonbunService.RECOMMEND, 8080, RonbunService.INGEST, 8081, RonbunService.EMBED, 8082));
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.externalKafka()).isEmpty();
        assertThat(config.externalPostgres()).isEmpty();
        assertThat(config.ingestSamples()).isTrue();
        assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/kafka"));
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/postgres"));
        assertThat(config.recommendIndexDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/recommend-index"));
        assertThat(config.inboxDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun/inbox"));
        assertThat(config.logsDir()).isEqualTo(Path.of("/srv/ronbun/.ronbun/logs"));
        assertThat(config.restartPolicy()).isEqualTo(new RestartPolicy(Duration.ofSeconds(10), 3,
                Duration.ofSeconds(180), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(300)));
        assertThat(config.brokers()).isOne();
        assertThat(config.replicas()).isOne();
    }

    @Test
    void givesEachBrokerAndEachRecommendReplicaAFolderOfItsOwnTheFirstKeepingTheSingleOnes() {
        StackConfig config = StackConfig.from(Map.of("RONBUN_HOME", "/srv/ronbun", "RONBUN_KAFKA_BROKERS", "3",
                "RONBUN_REPLICAS", "2")::get);

        assertThat(config.brokers()).isEqualTo(3);
        assertThat(config.replicas()).isEqualTo(2);
        assertThat(config.kafkaDataDir(1)).isEqualTo(config.kafkaDataDir())
                .isEqualTo(Path.of("/srv/ronbun/.ronbun/data/kafka"));
        assertThat(config.kafkaDataDir(3)).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/kafka-3"));
        assertThat(config.recommendIndexDir(1)).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/recommend-index"));
        assertThat(config.recommendIndexDir(2)).isEqualTo(Path.of("/srv/ronbun/.ronbun/data/recommend-index-2"));
    }

    @Test
    void refusesAClusterWithoutBrokersOrAStackWithoutReplicas() {
        assertThatThrownBy(() -> StackConfig.from(Map.of("RONBUN_KAFKA_BROKERS", "0")::get))
                .hasMessageContaining("RONBUN_KAFKA_BROKERS");
        assertThatThrownBy(() -> StackConfig.from(Map.of("RONBUN_REPLICAS", "-1")::get))
                .hasMessageContaining("RONBUN_REPLICAS");
    }

    @Test
    void restartsAfterABackOffThatDoublesUpToItsLimit() {
        RestartPolicy policy = StackConfig.from(Map.of("RONBUN_RESTART_BACKOFF_MAX_SECONDS", "10",
                "RONBUN_LIVENESS_FAILURES", "5")::get).restartPolicy();

        assertThat(policy.failuresBeforeRestart()).isEqualTo(5);
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::backoff).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void takesOverridesFromTheEnvironment() {
        StackConfig config = StackConfig.from(Map.of(
                "RONBUN_HOME", "/srv/ronbun",
                "RONBUN_INGEST_PORT", "9181",
                "RONBUN_READY_TIMEOUT_SECONDS", "30",
                "RONBUN_KAFKA_BOOTSTRAP", "broker.example:9092",
                "RONBUN_JDBC_URL", "jdbc:postgresql://db.example:5433/postgres",
                "RONBUN_JDBC_USER", "ronbun",
                "RONBUN_JDBC_PASSWORD", "secret",
                "RONBUN_SERVICE_JAVA_OPTS", " -Xmx512m  -XX:+UseSerialGC ")::get);

        assertThat(config.servicePorts()).containsEntry(RonbunService.INGEST, 9181);
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.externalKafka()).contains("broker.example:9092");
        assertThat(config.externalPostgres()).contains(new StackConfig.ExternalPostgres(
                "jdbc:postgresql://db.example:5433/postgres", "ronbun", "secret"));
        assertThat(config.serviceJvmOptions()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> StackConfig.from(Map.of("RONBUN_KAFKA_PORT", "ninety")::get))
                .hasMessageContaining("RONBUN_KAFKA_PORT");
    }
}
