package dev.ronbun.recommend.api;

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
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reader's secret Atom feed URL: opens without a header, is the same on every fetch, and dies when revoked. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class SecretFeedUrlTest {

    static final PaperEvent RECENT = paper("secret-feed:recent", "A Paper For The Feed Reader").kind("secret-feed")
            .vector(0.2f, 0.9f, 0.1f).firstSeen(Instant.now().minus(Duration.ofDays(2))).build();
    static final PaperEvent OLD = paper("secret-feed:old", "A Paper Outside The Window").kind("secret-feed")
            .vector(0.9f, 0.2f, 0.1f).firstSeen(Instant.now().minus(Duration.ofDays(40))).build();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(RECENT, OLD);
        }
    }

    @Test
    void theSecretUrlWorksWithoutAHeaderAndGivesTheSameWindowTwice() throws Exception {
        String reader = newReader();
        String url = issue(reader, TestTokens.reader(reader));
        assertThat(url).matches("http://[^/]+/feeds/readers/[A-Za-z0-9_-]{43}\\.atom");
        String path = URI.create(url).getRawPath();

        // Narrowed to this class's papers: the window holds the newest 50 of the whole suite's papers.
        String first = given().queryParam("kind", "secret-feed").when().get(path).then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        String second = given().queryParam("kind", "secret-feed").when().get(path).then().statusCode(200)
                .extract().asString();
        List<String> ids = FeedTest.entryIds(first);
        assertThat(ids).isNotEmpty().contains("urn:ronbun:paper:" + RECENT.paperId())
                .doesNotContain("urn:ronbun:paper:" + OLD.paperId());
        assertThat(FeedTest.entryIds(second)).isEqualTo(ids);
        // the self link is the secret URL, never the API path that needs a token
        assertThat(first).contains("rel=\"self\" href=\"" + url + "\"").doesNotContain("/api/readers/");
    }

    @Inject
    DataSource database;

    @Test
    void onlyTheSecretsSha256IsStored() throws Exception {
        String reader = newReader();
        String url = issue(reader, TestTokens.reader(reader));
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".atom".length());
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select token_sha256 from reader_feed_urls where reader_id = ?")) {
            select.setString(1, reader);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))))
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void theSecretUrlSpendsItsReadersComputeAllowance() {
        String reader = newReader();
        String path = URI.create(issue(reader, TestTokens.reader(reader))).getRawPath();
        io.restassured.response.Response last = null;
        // 120 computing reads a minute (ronbun.rate-limit.compute): a quick burst runs out before 200.
        for (int i = 0; i < 200; i++) {
            last = given().when().get(path);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/problem+json");
        assertThat(last.header("Retry-After")).isNotBlank();
        // counted per reader: another reader's feed reader goes on
        String other = newReader();
        given().when().get(URI.create(issue(other, TestTokens.reader(other))).getRawPath()).then().statusCode(200);
    }

    @Test
    void aRevokedOrReplacedUrlIsA404Problem() {
        String reader = newReader();
        String old = URI.create(issue(reader, TestTokens.reader(reader))).getRawPath();
        String current = URI.create(issue(reader, TestTokens.reader(reader))).getRawPath();
        assertThat(current).isNotEqualTo(old);
        given().when().get(old).then().statusCode(404).contentType("application/problem+json");
        given().when().get(current).then().statusCode(200);

        given().auth().oauth2(TestTokens.reader(reader)).when().delete("/api/readers/{reader}/feed-url", reader)
                .then().statusCode(204);
        given().when().get(current).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/feeds/readers/not-a-secret.atom").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherReadersTokenCannotIssueOrRevokeButAnAdminCan() {
        String reader = newReader();
        String path = URI.create(issue(reader, TestTokens.reader(reader))).getRawPath();
        String other = TestTokens.reader(newReader());

        given().auth().oauth2(other).when().post("/api/readers/{reader}/feed-url", reader)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(other).when().delete("/api/readers/{reader}/feed-url", reader)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/api/readers/{reader}/feed-url", reader).then().statusCode(401);
        given().when().get(path).then().statusCode(200);

        given().auth().oauth2(TestTokens.admin()).when().delete("/api/readers/{reader}/feed-url", reader)
                .then().statusCode(204);
        given().when().get(path).then().statusCode(404);
        assertThat(issue(reader, TestTokens.admin())).contains("/feeds/readers/");
    }

    private static String issue(String reader, String token) {
        return given().auth().oauth2(token).when().post("/api/readers/{reader}/feed-url", reader)
                .then().statusCode(200).contentType("application/json").extract().jsonPath().getString("url");
    }

    private static String newReader() {
        return "reader-" + UUID.randomUUID();
    }
}
