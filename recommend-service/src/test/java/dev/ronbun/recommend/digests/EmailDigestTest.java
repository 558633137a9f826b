package dev.ronbun.recommend.digests;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Email digests end to end: set by the reader, sent over real SMTP (GreenMail in this JVM), unsubscribed by link. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
@QuarkusTestResource(value = GreenMailSmtp.class, restrictToAnnotatedClass = true)
class EmailDigestTest {

    static final String HOSTILE_TITLE = "Attention <script>alert('digest')</script> & Transformers";
    static final PaperEvent HOSTILE = paper("digest:hostile", HOSTILE_TITLE).kind("digest")
            .arxiv("1706.03762").text("自己注意だけで系列変換を行う <b>Transformer</b> を提案する。")
            .vector(0.3f, 0.8f, 0.2f).firstSeen(Instant.now()).build();
    static final PaperEvent PLAIN = paper("digest:plain", "状態空間モデルによる長い系列の学習").kind("digest")
            .vector(0.8f, 0.3f, 0.2f).firstSeen(Instant.now()).build();

    private static boolean published;

    GreenMail greenMail;

    @Inject
    DigestSubscriptions subscriptions;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(HOSTILE, PLAIN);
        }
    }

    @Test
    void sendsOneDigestWithEscapedHtmlAPlainTextPartAndLinksAndNeverTheSameWindowTwice() throws Exception {
        String reader = newReader();
        String email = reader + "@example.com";
        setDigest(reader, TestTokens.reader(reader), email, "daily").statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(email))
                .body("frequency", org.hamcrest.Matchers.equalTo("daily"));

        int sent = sendRound();

        assertThat(sent).isGreaterThanOrEqualTo(1);
        List<MimeMessage> received = messagesTo(email);
        assertThat(received).hasSize(1);
        MimeMessage message = received.getFirst();
        assertThat(message.getSubject()).startsWith("Ronbun: 今日の新着論文").doesNotContain("<");
        assertThat(message.getFrom()[0].toString()).contains("ronbun@ronbun.test");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");

        // the title arrives as text in both parts: escaped in the HTML, as written in the plain text
        assertThat(html).contains("Attention &lt;script&gt;alert(&#39;digest&#39;)&lt;/script&gt; &amp; Transformers")
                .doesNotContain("<script").doesNotContain("<b>Transformer")
                .contains("&lt;b&gt;Transformer&lt;/b&gt;")
                .contains("状態空間モデルによる長い系列の学習");
        assertThat(text).contains(HOSTILE_TITLE).contains("状態空間モデルによる長い系列の学習");
        // links: the paper's page in the UI, arXiv's abstract and PDF, and the unsubscribe link
        String page = GreenMailSmtp.PUBLIC_URL + "paper.html?id=" + HOSTILE.paperId();
        assertThat(html).contains("href=\"" + page + "\"")
                .contains("href=\"https://arxiv.org/abs/1706.03762\"")
                .contains("href=\"https://arxiv.org/pdf/1706.03762\"");
        assertThat(text).contains(page).contains("https://arxiv.org/abs/1706.03762")
                .contains("https://arxiv.org/pdf/1706.03762");
        String unsubscribe = unsubscribeUrl(message);
        assertThat(unsubscribe).matches(GreenMailSmtp.PUBLIC_URL + "digests/unsubscribe/[A-Za-z0-9_-]{43}");
        assertThat(html).contains("href=\"" + unsubscribe + "\"");
        assertThat(text).contains(unsubscribe);
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // the window is claimed: the next round (as after a restart, or on another instance) sends nothing to it
        given().auth().oauth2(TestTokens.reader(reader)).when().get("/api/readers/{reader}/digest", reader)
                .then().statusCode(200).body("lastSentAt", org.hamcrest.Matchers.notNullValue());
        sendRound();
        assertThat(messagesTo(email)).hasSize(1);
    }

    @Test
    void aDigestTheSmtpServerDidNotTakeIsSentByALaterRound() throws Exception {
        String reader = newReader();
        String email = reader + "@example.com";
        setDigest(reader, TestTokens.reader(reader), email, "daily").statusCode(200);

        greenMail.stop();
        io.restassured.path.json.JsonPath failedRound;
        try {
            failedRound = given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/digests/send")
                    .then().statusCode(200).extract().jsonPath();
        } finally {
            greenMail.start();
        }

        assertThat(failedRound.getInt("failed")).isGreaterThanOrEqualTo(1);
        // the window was given back: nothing counts as sent
        assertThat(subscriptions.find(reader).orElseThrow().lastSentAt()).isNull();
        // a pooled connection to the stopped server may fail one more round; the window stays open until one passes
        for (int round = 0; round < 3 && messagesTo(email).isEmpty(); round++) {
            sendRound();
        }
        assertThat(messagesTo(email)).hasSize(1);
        assertThat(subscriptions.find(reader).orElseThrow().lastSentAt()).isNotNull();
    }

    @Test
    void aWindowIsClaimedByOneSenderOnly() {
        String reader = newReader();
        setDigest(reader, TestTokens.reader(reader), reader + "@example.com", "weekly").statusCode(200);
        DigestSubscription read = subscriptions.find(reader).orElseThrow();
        Instant until = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        // two instances read the same row; only the first conditional update wins
        assertThat(subscriptions.claim(read, until)).isTrue();
        assertThat(subscriptions.claim(read, until)).isFalse();
        // a failed send gives the window back, and it can be claimed again
        subscriptions.release(read, until);
        assertThat(subscriptions.find(reader).orElseThrow().lastSentAt()).isNull();
        assertThat(subscriptions.claim(read, until)).isTrue();
    }

    @Test
    void theUnsubscribeLinkAsksFirstAndAOneClickPostTurnsTheDigestOff() throws Exception {
        String reader = newReader();
        String email = reader + "@example.com";
        setDigest(reader, TestTokens.reader(reader), email, "daily").statusCode(200);
        sendRound();
        String path = URI.create(unsubscribeUrl(messagesTo(email).getFirst())).getRawPath();

        // opening the link only asks (a mail scanner following links turns nothing off)
        String confirm = given().when().get(path).then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();
        assertThat(confirm).contains("配信を停止しますか").contains("<form method=\"post\">");
        digestOf(reader).then().body("frequency", org.hamcrest.Matchers.equalTo("daily"));

        // RFC 8058 one-click: a form post with List-Unsubscribe=One-Click, no login
        String done = given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(done).contains("配信を停止しました");
        digestOf(reader).then().body("frequency", org.hamcrest.Matchers.equalTo("off"))
                .body("email", org.hamcrest.Matchers.equalTo(email));

        given().when().get("/digests/unsubscribe/" + "x".repeat(43)).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().post("/digests/unsubscribe/not-a-secret").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheReaderOrAnAdminMayReadOrChangeTheDigest() {
        String reader = newReader();
        String other = TestTokens.reader(newReader());
        String body = "{\"email\": \"aoi@example.com\", \"frequency\": \"daily\"}";

        given().when().get("/api/readers/{reader}/digest", reader).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).when().put("/api/readers/{reader}/digest", reader)
                .then().statusCode(401);
        given().auth().oauth2(other).when().get("/api/readers/{reader}/digest", reader)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(body)
                .when().put("/api/readers/{reader}/digest", reader)
                .then().statusCode(403).contentType("application/problem+json");
        digestOf(reader).then().statusCode(200).body("frequency", org.hamcrest.Matchers.equalTo("off"))
                .body("email", org.hamcrest.Matchers.nullValue());

        setDigest(reader, TestTokens.admin(), "aoi@example.com", "weekly").statusCode(200);
        digestOf(reader).then().body("frequency", org.hamcrest.Matchers.equalTo("weekly"));
        given().auth().oauth2(TestTokens.reader(reader)).when().post("/api/admin/digests/send")
                .then().statusCode(403);
    }

    @Test
    void refusesAddressesThatCouldAddHeadersOrRecipientsAndKeepsTheSetting() {
        String reader = newReader();
        String token = TestTokens.reader(reader);
        setDigest(reader, token, "aoi@example.com", "daily").statusCode(200);

        Map<String, String> refused = Map.of(
                "aoi@example.com\r\nBcc: eve@example.com", "改行",
                "aoi@example.com, eve@example.com", "1 つだけ",
                "Aoi <aoi@example.com>", "1 つだけ",
                "a".repeat(250) + "@example.com", "254",
                "not-an-address", "name@example.com");
        refused.forEach((address, reason) -> setDigest(reader, token, address, "daily").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(reason)));
        setDigest(reader, token, "aoi@example.com", "hourly").statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("daily, weekly, off"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("")
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\": [\"aoi@example.com\", \"eve@example.com\"], \"frequency\": \"daily\"}")
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\": \"aoi\\u0000@example.com\", \"frequency\": \"daily\"}")
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\": 3")
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(400)
                .contentType("application/problem+json");

        digestOf(reader).then().body("email", org.hamcrest.Matchers.equalTo("aoi@example.com"))
                .body("frequency", org.hamcrest.Matchers.equalTo("daily"));
    }

    private static io.restassured.response.ValidatableResponse setDigest(String reader, String token, String email,
                                                                         String frequency) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "frequency", frequency))
                .when().put("/api/readers/{reader}/digest", reader).then();
    }

    private static io.restassured.response.Response digestOf(String reader) {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/readers/{reader}/digest", reader);
    }

    private static int sendRound() {
        return given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/digests/send")
                .then().statusCode(200).contentType("application/json").extract().jsonPath().getInt("sent");
    }

    private List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static String unsubscribeUrl(MimeMessage message) throws Exception {
        String[] header = message.getHeader("List-Unsubscribe");
        assertThat(header).hasSize(1);
        assertThat(header[0]).startsWith("<").endsWith(">");
        return header[0].substring(1, header[0].length() - 1);
    }

    private static String part(Multipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith(type)) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String newReader() {
        return "digest-" + UUID.randomUUID();
    }
}
