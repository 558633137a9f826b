package dev.ronbun.recommend.digests;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With {@code outbox-dir} set (as {@code ./ronbun up} sets it without SMTP), a round writes .eml files, sends nothing. */
@QuarkusTest
@TestProfile(DigestOutboxTest.Outbox.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DigestOutboxTest {

    /** An outbox folder of this test run; no SMTP server is configured at all. */
    public static class Outbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.recommend.digests.outbox-dir",
                    Path.of("target", "digest-outbox", UUID.randomUUID().toString()).toAbsolutePath().toString());
        }
    }

    // read from the application's configuration: the profile may be loaded apart from this class
    @ConfigProperty(name = "ronbun.recommend.digests.outbox-dir")
    Path outbox;

    static final PaperEvent PAPER = paper("digest-outbox:paper", "Outbox に書かれる論文").kind("digest-outbox")
            .vector(0.5f, 0.5f, 0.6f).firstSeen(Instant.now()).build();

    @Test
    void aRoundWritesOneParseableEmlFilePerDigest() throws Exception {
        TestPapers.publishAndAwait(PAPER);
        String reader = "outbox-" + UUID.randomUUID();
        String email = reader + "@example.com";
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "frequency", "daily"))
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(200);

        int sent = given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/digests/send")
                .then().statusCode(200).extract().jsonPath().getInt("sent");

        List<MimeMessage> mine = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                assertThat(file.getFileName().toString()).endsWith(".eml");
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getAllRecipients()[0].toString().equals(email)) {
                        mine.add(message);
                    }
                }
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().getSubject()).startsWith("Ronbun: 今日の新着論文");
        assertThat(mine.getFirst().getContentType()).startsWith("multipart/alternative");
        assertThat(mine.getFirst().getHeader("List-Unsubscribe")[0]).contains("/digests/unsubscribe/");
    }
}
