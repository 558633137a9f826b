package dev.ronbun.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.ingest.feeds.FeedServer.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Feed subscriptions end to end inside ingest-service: real feeds over HTTP, the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class FeedSubscriptionTest {

    static final FeedServer SERVER = new FeedServer();

    @Inject
    FeedPoller poller;

    @Inject
    FeedStore store;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void entriesOfRssAtomAndJsonFeedsArePublishedAsPapers() {
        String run = run();
        SERVER.serve("/rss-" + run, Answer.of("application/rss+xml", rss(
                rssItem("rss-1-" + run, "Sparse Mixture of Experts notes " + run, "<p>どんなもの？ 専門家を疎に選ぶ。</p>"),
                rssItem("rss-2-" + run, "State space models notes " + run, "<p>系列を状態空間で扱う。</p>"))));
        SERVER.serve("/atom-" + run, Answer.of("application/atom+xml", atom(
                atomEntry("urn:atom:" + run, "Retrieval augmented generation notes " + run, "<p>検索で生成を補う。</p>"))));
        SERVER.serve("/json-" + run, Answer.of("application/feed+json", jsonFeed(
                Map.of("id", "json-" + run, "title", "Direct preference optimization notes " + run,
                        "content_text", "報酬モデルなしで選好から直接学ぶ。"))));

        for (String path : List.of("/rss-", "/atom-", "/json-")) {
            long id = register(SERVER.url(path + run));
            JsonPath status = poll(id);
            assertThat(status.getString("lastError")).as(path).isNull();
            assertThat(status.getInt("entriesIngested")).as(path).isEqualTo(path.equals("/rss-") ? 2 : 1);
        }

        assertThat(publishedNames(run)).containsExactlyInAnyOrder(
                "Sparse Mixture of Experts notes " + run, "State space models notes " + run,
                "Retrieval augmented generation notes " + run, "Direct preference optimization notes " + run);
        assertThat(published(run)).extracting(SummaryEvent::title)
                .contains("Sparse Mixture of Experts notes " + run, "Direct preference optimization notes " + run);
    }

    @Test
    void ofSeveralInstancesExactlyOneClaimsADueFeedUntilItsClaimRunsOut() {
        String run = run();
        long id = register(SERVER.url("/claimed-" + run));
        // two days on: due whatever the scheduled poller did with it meanwhile (it waits at most a day after failures)
        Instant now = Instant.now().plus(Duration.ofDays(2));
        Instant until = now.plus(Duration.ofMinutes(15));

        assertThat(store.claim(id, now, until)).as("the first instance").isTrue();
        assertThat(store.claim(id, now, until)).as("a second instance, the same moment").isFalse();
        assertThat(store.claim(id, now.plus(Duration.ofMinutes(10)), until)).as("before the claim runs out").isFalse();
        assertThat(store.claim(id, until, until.plus(Duration.ofMinutes(15)))).as("once it ran out").isTrue();
    }

    @Test
    void pollingAgainIngestsNothingTwiceWhetherTheServerAnswers304OrTheSameContent() {
        String run = run();
        String feed = rss(rssItem("same-" + run, "Unchanged post " + run, "<p>同じ内容。</p>"));
        SERVER.serve("/etag-" + run, Answer.of("application/rss+xml", feed).withEtag("\"v1-" + run + "\""));
        SERVER.serve("/plain-" + run, Answer.of("application/rss+xml",
                rss(rssItem("plain-" + run, "Post without validators " + run, "<p>検証子なし。</p>"))));
        long withEtag = register(SERVER.url("/etag-" + run));
        long without = register(SERVER.url("/plain-" + run));

        poll(withEtag);
        poll(without);
        JsonPath etagAgain = poll(withEtag);
        JsonPath plainAgain = poll(without);

        assertThat(SERVER.notModified("/etag-" + run)).isEqualTo(1);
        assertThat(etagAgain.getInt("entriesIngested")).isEqualTo(1);
        assertThat(etagAgain.getString("lastError")).isNull();
        assertThat(plainAgain.getInt("entriesIngested")).isEqualTo(1);
        assertThat(SERVER.hits("/plain-" + run)).isEqualTo(2);
        assertThat(publishedNames(run)).containsExactlyInAnyOrder("Unchanged post " + run, "Post without validators " + run);
    }

    @Test
    void anEntryEditedLaterIsIngestedAgainAsANewVersion() {
        String run = run();
        String path = "/edited-" + run;
        SERVER.serve(path, Answer.of("application/rss+xml", rss(rssItem("post-" + run, "Edited post " + run, "<p>初版の要約。</p>"))));
        long id = register(SERVER.url(path));
        poll(id);

        SERVER.serve(path, Answer.of("application/rss+xml", rss(rssItem("post-" + run, "Edited post " + run, "<p>改訂版の要約。</p>"))));
        JsonPath status = poll(id);

        assertThat(status.getInt("entriesIngested")).isEqualTo(2);
        List<SummaryEvent> versions = published(run);
        assertThat(versions).hasSize(2);
        assertThat(versions).extracting(SummaryEvent::paperKey).containsOnly(versions.get(0).paperKey());
        assertThat(versions.get(1).body()).contains("改訂版");
    }

    @Test
    void aFailingEntryIsRecordedWithItsReasonAndTheRestOfTheFeedGoesOn() {
        String run = run();
        SERVER.serve("/page-" + run, Answer.of("text/html; charset=UTF-8",
                "<html><head><title>Linked page " + run + "</title></head><body><h1>Linked page " + run
                        + "</h1><p>リンク先の本文。</p></body></html>"));
        // Control characters make the entry look binary: ingest refuses it (415), the feed goes on.
        Map<String, String> binary = Map.of("id", "binary-" + run, "title", "Binary entry " + run,
                "content_text", "\u0001\u0002\u0003".repeat(40));
        Map<String, String> linkOnly = Map.of("id", "link-" + run, "title", "Linked page " + run,
                "url", SERVER.url("/page-" + run));
        Map<String, String> good = Map.of("id", "good-" + run, "title", "Good post " + run,
                "content_html", "<p>正常な記事。</p>");
        SERVER.serve("/mixed-" + run, Answer.of("application/feed+json", jsonFeed(binary, linkOnly, good)));
        long id = register(SERVER.url("/mixed-" + run));

        JsonPath status = poll(id);

        assertThat(status.getInt("entriesIngested")).isEqualTo(2);
        assertThat(status.getInt("entriesFailed")).isEqualTo(1);
        assertThat(status.getString("lastError")).contains("binary-" + run).contains("looks binary");
        assertThat(status.getList("failedEntries.entryId", String.class)).containsExactly("binary-" + run);
        assertThat(status.getString("failedEntries[0].reason")).contains("looks binary");
        assertThat(publishedNames(run)).containsExactlyInAnyOrder("Linked page " + run, "Good post " + run);
        assertThat(published(run)).filteredOn(s -> s.documentName().startsWith("Linked"))
                .singleElement().satisfies(s -> assertThat(s.body()).contains("リンク先の本文"));

        assertThat(poll(id).getInt("entriesFailed")).as("an entry that is wrong is not retried until edited").isEqualTo(1);
    }

    @Test
    void aMalformedFeedGetsAClearErrorIngestsNothingAndStaysListed() {
        String run = run();
        SERVER.serve("/broken-" + run, Answer.of("application/rss+xml", "<rss version=\"2.0\"><channel><item><title>oops"));
        long id = register(SERVER.url("/broken-" + run));

        JsonPath status = poll(id);

        assertThat(status.getString("lastError")).contains("Not a readable RSS or Atom feed");
        assertThat(status.getInt("entriesIngested")).isZero();
        assertThat(status.getInt("consecutiveFailures")).isEqualTo(1);
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds")
                .then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void aFeedThatKeepsFailingWaitsLongerEachTime() {
        String run = run();
        SERVER.serve("/down-" + run, Answer.status(500));
        long id = register(SERVER.url("/down-" + run));

        JsonPath first = poll(id);
        JsonPath second = poll(id);

        assertThat(first.getString("lastError")).contains("HTTP 500");
        assertThat(second.getInt("consecutiveFailures")).isEqualTo(2);
        Duration firstWait = Duration.between(Instant.parse(first.getString("lastFetchAt")), Instant.parse(first.getString("nextFetchAt")));
        Duration secondWait = Duration.between(Instant.parse(second.getString("lastFetchAt")), Instant.parse(second.getString("nextFetchAt")));
        assertThat(firstWait).isGreaterThan(Duration.ofMinutes(15));
        assertThat(secondWait).isGreaterThanOrEqualTo(firstWait.multipliedBy(2).minusSeconds(1));
        assertThat(second.getString("lastSuccessAt")).isNull();
    }

    @Test
    void aFeedOverTheSizeCapIsAnError() {
        String run = run();
        SERVER.stream("/huge-" + run, 6 * 1024 * 1024);
        long id = register(SERVER.url("/huge-" + run));

        JsonPath status = poll(id);

        assertThat(status.getString("lastError")).contains("larger than 5242880 bytes");
        assertThat(status.getInt("entriesIngested")).isZero();
    }

    @Test
    void aFeedThatTricklesInIsCutOffAtTheFetchDeadlineWithAClearError() {
        String run = run();
        SERVER.trickle("/slow-" + run);
        long id = register(SERVER.url("/slow-" + run));

        JsonPath status = poll(id);

        // The test profile's deadline is 5 s; the server would take a minute, never silent for the 5 s timeout.
        assertThat(status.getString("lastError")).contains("No complete answer").contains("within 5 s")
                .contains("ronbun.ingest.feeds.fetch-deadline");
        assertThat(status.getInt("consecutiveFailures")).isEqualTo(1);
        assertThat(status.getInt("entriesIngested")).isZero();
    }

    @Test
    void aRedirectLoopIsAnError() {
        String run = run();
        SERVER.serve("/loop-a-" + run, Answer.redirect("/loop-b-" + run));
        SERVER.serve("/loop-b-" + run, Answer.redirect(SERVER.url("/loop-a-" + run)));
        long id = register(SERVER.url("/loop-a-" + run));

        assertThat(poll(id).getString("lastError")).contains("Redirect loop");
    }

    @Test
    void aRedirectToTheFeedIsFollowed() {
        String run = run();
        SERVER.serve("/moved-" + run, Answer.redirect("/new-home-" + run));
        SERVER.serve("/new-home-" + run, Answer.of("application/rss+xml", rss(rssItem("moved-" + run, "Moved post " + run, "<p>移転先。</p>"))));
        long id = register(SERVER.url("/moved-" + run));

        assertThat(poll(id).getInt("entriesIngested")).isEqualTo(1);
    }

    @Test
    void onlyHttpUrlsAreAcceptedWithAProblem() {
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/feed.xml", "not a url", "")) {
            given().auth().oauth2(TestTokens.curator()).contentType("application/json")
                    .body(Map.of("url", url))
                    .when().post("/api/feeds")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
    }

    @Test
    void readersMayNotSeeOrChangeFeedsAndAnonymousCallersAreAskedToSignIn() {
        given().auth().oauth2(TestTokens.reader("alice")).when().get("/api/feeds")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reader("alice")).contentType("application/json")
                .body(Map.of("url", SERVER.url("/any"))).when().post("/api/feeds")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/feeds").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theScheduleFetchesDueFeedsAndADeletedFeedIsNoLongerFetched() {
        String run = run();
        SERVER.serve("/scheduled-" + run, Answer.of("application/rss+xml", rss(rssItem("s-" + run, "Scheduled post " + run, "<p>定期取得。</p>"))));
        SERVER.serve("/removed-" + run, Answer.of("application/rss+xml", rss(rssItem("r-" + run, "Removed post " + run, "<p>削除済み。</p>"))));
        long kept = register(SERVER.url("/scheduled-" + run));
        long removed = register(SERVER.url("/removed-" + run));
        given().auth().oauth2(TestTokens.curator()).when().delete("/api/feeds/" + removed).then().statusCode(204);

        poller.pollDueFeeds();

        assertThat(SERVER.hits("/scheduled-" + run)).isEqualTo(1);
        assertThat(SERVER.hits("/removed-" + run)).isZero();
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds/" + kept)
                .then().statusCode(200).body("entriesIngested", equalTo(1)).body("name", equalTo("Test notes"));
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds/" + removed)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.curator()).when().post("/api/feeds/" + removed + "/poll").then().statusCode(404);
        given().auth().oauth2(TestTokens.curator()).when().delete("/api/feeds/" + removed).then().statusCode(404);
    }

    @Test
    void registeringTheSameUrlTwiceAnswersTheFeedAlreadyThere() {
        String url = SERVER.url("/twice-" + run());
        long first = register(url);
        long second = given().auth().oauth2(TestTokens.curator()).contentType("application/json")
                .body(Map.of("url", url, "name", "again")).when().post("/api/feeds")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(second).isEqualTo(first);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long register(String url) {
        return given().auth().oauth2(TestTokens.curator()).contentType("application/json")
                .body(Map.of("url", url))
                .when().post("/api/feeds")
                .then().statusCode(201).contentType("application/json")
                .body("url", equalTo(url)).body("nextFetchAt", containsString("T"))
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath poll(long id) {
        return given().auth().oauth2(TestTokens.curator()).when().post("/api/feeds/" + id + "/poll")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The summaries published from documents whose name carries this run's marker, in publishing order. */
    private static List<SummaryEvent> published(String run) {
        return TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> s.documentName() != null && s.documentName().contains(run)).toList();
    }

    private static List<String> publishedNames(String run) {
        return published(run).stream().map(SummaryEvent::documentName).toList();
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test notes</title>"
                + "<link>https://notes.example.org/</link><description>Paper notes</description>"
                + String.join("", items) + "</channel></rss>";
    }

    static String rssItem(String guid, String title, String html) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<link>https://notes.example.org/" + guid + "</link>"
                + "<description><![CDATA[" + html + "]]></description></item>";
    }

    static String atom(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Atom notes</title><id>urn:test:atom</id><updated>2024-05-01T00:00:00Z</updated>"
                + String.join("", entries) + "</feed>";
    }

    static String atomEntry(String id, String title, String html) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>2024-05-01T00:00:00Z</updated>"
                + "<link href=\"https://notes.example.org/atom/" + id.hashCode() + "\"/>"
                + "<content type=\"html\">" + html.replace("<", "&lt;").replace(">", "&gt;") + "</content></entry>";
    }

    @SafeVarargs
    static String jsonFeed(Map<String, String>... items) {
        return EventJson.write(Map.of("version", "https://jsonfeed.org/version/1.1", "title", "JSON notes",
                "items", List.of(items)));
    }
}
