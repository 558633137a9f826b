package dev.ronbun.infra.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.security.SigningKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {

    private final ServiceWiring wiring = new ServiceWiring("127.0.0.1:9092",
            new PostgresServer("127.0.0.1", 15432, "postgres", "postgres"),
            Map.of(RonbunService.RECOMMEND, 8080, RonbunService.INGEST, 8081, RonbunService.EMBED, 8082),
            Path.of("/state/data/recommend-index"), Path.of("/state/inbox"),
            Path.of("/state/keys/public-key.pem"));

    @Test
    void givesEachServiceItsOwnPortAndDatabaseOnTheLoopbackAddress() {
        Map<String, String> embed = ServiceLauncher.environment(RonbunService.EMBED, wiring);

        assertThat(embed).containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_HTTP_PORT", "8082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/ronbun_embed")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "postgres")
                .containsEntry("OPT_OUT_TRACKING", "true");
        assertThat(ServiceLauncher.environment(RonbunService.INGEST, wiring))
                .containsEntry("QUARKUS_HTTP_PORT", "8081")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/ronbun_ingest");
        assertThat(ServiceLauncher.environment(RonbunService.RECOMMEND, wiring))
                .containsEntry("QUARKUS_HTTP_PORT", "8080")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/ronbun_recommend");
    }

    @Test
    void pointsRecommendAtEmbedAndIngestAndTheServicesAtTheirFolders() {
        Map<String, String> environment = ServiceLauncher.environment(RonbunService.RECOMMEND, wiring);

        assertThat(environment).containsEntry("RONBUN_RECOMMEND_EMBED_URL", "http://127.0.0.1:8082")
                .containsEntry("RONBUN_RECOMMEND_INGEST_URL", "http://127.0.0.1:8081")
                .containsEntry("RONBUN_RECOMMEND_INDEX_DIR", "/state/data/recommend-index")
                .containsEntry("RONBUN_INGEST_INBOX_DIR", "/state/inbox")
                .containsEntry("RONBUN_RECOMMEND_DIGESTS_PUBLIC_URL", "http://127.0.0.1:8080");
        if (System.getenv("QUARKUS_MAILER_HOST") == null) {
            // no SMTP server given: digests become .eml files in the state folder
            assertThat(environment).containsEntry("RONBUN_RECOMMEND_DIGESTS_OUTBOX_DIR", "/state/outbox");
        }
    }

    @Test
    void verifiesTokensWithTheLocalPublicKeyAndLetsOnlyTheWebUiOriginIn() {
        for (RonbunService service : RonbunService.values()) {
            assertThat(ServiceLauncher.environment(service, wiring))
                    .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/state/keys/public-key.pem")
                    .containsEntry("MP_JWT_VERIFY_ISSUER", SigningKeys.LOCAL_ISSUER)
                    .containsEntry("QUARKUS_HTTP_CORS_ORIGINS", "http://127.0.0.1:8080");
        }
    }

    @Test
    void aSecondRecommendReplicaIndexesEveryPaperThroughAGroupAndFolderOfItsOwn() throws IOException {
        ServiceWiring second = new ServiceWiring("127.0.0.1:9092,127.0.0.1:9093",
                new PostgresServer("127.0.0.1", 15432, "postgres", "postgres"),
                Map.of(RonbunService.RECOMMEND, 8090, RonbunService.INGEST, 8091, RonbunService.EMBED, 8092),
                Path.of("/state/data/recommend-index-2"), Path.of("/state/inbox"),
                Path.of("/state/keys/public-key.pem"));

        Map<String, String> first = ServiceLauncher.environment(RonbunService.RECOMMEND, 1, wiring);
        Map<String, String> replica = ServiceLauncher.environment(RonbunService.RECOMMEND, 2, second);

        assertThat(recommendProperties().getProperty("mp.messaging.incoming.papers.group.id"))
                .as("the group the launcher derives replicas' groups from")
                .isEqualTo(ServiceLauncher.RECOMMEND_INDEX_GROUP);
        assertThat(first).doesNotContainKey("MP_MESSAGING_INCOMING_PAPERS_GROUP_ID");
        assertThat(replica).containsEntry("MP_MESSAGING_INCOMING_PAPERS_GROUP_ID", "recommend-service-index-2")
                .containsEntry("RONBUN_RECOMMEND_INDEX_DIR", "/state/data/recommend-index-2")
                .containsEntry("QUARKUS_HTTP_PORT", "8090")
                .containsEntry("RONBUN_RECOMMEND_EMBED_URL", "http://127.0.0.1:8092")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,127.0.0.1:9093")
                .doesNotContainKey("MP_MESSAGING_INCOMING_READING_EVENTS_GROUP_ID");
        if (System.getenv("RONBUN_RECOMMEND_SNAPSHOTS_STORE") == null) {
            // one snapshot folder for all replicas: a new one restores what another published
            assertThat(first).containsEntry("RONBUN_RECOMMEND_SNAPSHOTS_STORE", "/state/snapshots");
            assertThat(replica).containsEntry("RONBUN_RECOMMEND_SNAPSHOTS_STORE", "/state/snapshots");
        }
        assertThat(first).containsEntry("RONBUN_RECOMMEND_SNAPSHOTS_REPLICA", "recommend-service");
        assertThat(replica).containsEntry("RONBUN_RECOMMEND_SNAPSHOTS_REPLICA", "recommend-service-2");
    }

    @Test
    void ingestAndEmbedReplicasShareTheirGroupsAndOnlyTheFirstIngestWatchesTheInboxAndPollsFeeds() {
        assertThat(ServiceLauncher.environment(RonbunService.EMBED, 2, wiring))
                .isEqualTo(ServiceLauncher.environment(RonbunService.EMBED, wiring));
        assertThat(ServiceLauncher.environment(RonbunService.INGEST, 2, wiring))
                .containsEntry("RONBUN_INGEST_INBOX_ENABLED", "false")
                .containsEntry("RONBUN_INGEST_FEEDS_ENABLED", "false");
        assertThat(ServiceLauncher.environment(RonbunService.INGEST, 1, wiring))
                .doesNotContainKey("RONBUN_INGEST_INBOX_ENABLED").doesNotContainKey("RONBUN_INGEST_FEEDS_ENABLED");
    }

    private static Properties recommendProperties() throws IOException {
        Properties properties = new Properties();
        Path file = Path.of("../../recommend-service/src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
