package dev.ronbun.infra.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.security.SigningKeys;
import java.nio.file.Path;
import java.util.Map;
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
}
