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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class FeedTest {

    static final String KIND = "feed-test";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String HOSTILE_TITLE = "<script>alert('x')</script> & \"Diffusion\" <b>bold</b>";

    static final PaperEvent LAST_MONTH = paper("feed:last-month", "A Paper From Last Month").kind(KIND)
            .vector(1f, 0f, 0f).firstSeen(Instant.now().minus(Duration.ofDays(30))).build();
    static final PaperEvent THREE_DAYS_AGO = paper("feed:three-days", "A Paper From Three Days Ago").kind(KIND)
            .vector(0f, 1f, 0f).firstSeen(Instant.now().minus(Duration.ofDays(3))).build();
    static final PaperEvent HOSTILE = paper("feed:hostile", HOSTILE_TITLE).kind("feed-test-hostile")
            .keywords("<i>タグ</i>").text("要約に <script>document.cookie</script> と & が入っている。\u0001")
            .vector(0f, 0f, 1f).firstSeen(Instant.now().minus(Duration.ofHours(1))).build();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(LAST_MONTH, THREE_DAYS_AGO, HOSTILE);
        }
    }

    @Test
    void theFeedListsThePapersFirstSeenSinceTheGivenTime() {
        JsonPath feed = feed(newReader(), Instant.now().minus(Duration.ofDays(7)).toString());

        assertThat(feed.getList("items.paperId", String.class)).contains(THREE_DAYS_AGO.paperId())
                .doesNotContain(LAST_MONTH.paperId());
        assertThat(feed.getString("since")).isNotNull();
        assertThat(feed.getString("until")).isNotNull();
    }

    @Test
    void theJsonFeedsCursorMovesOnlyWhenTheReaderMarksItSeen() {
        String reader = newReader();
        // a first visit looks back over the feed window (7 days by default), and fetching again moves nothing
        assertThat(feed(reader, null).getList("items.paperId", String.class)).containsExactly(THREE_DAYS_AGO.paperId());
        JsonPath again = feed(reader, null);
        assertThat(again.getList("items.paperId", String.class)).containsExactly(THREE_DAYS_AGO.paperId());

        given().auth().oauth2(TestTokens.reader(reader)).contentType("application/json")
                .body("{\"until\": \"" + again.getString("until") + "\"}")
                .when().post("/api/readers/{reader}/feed/seen", reader)
                .then().statusCode(200).body("until", org.hamcrest.Matchers.notNullValue());
        assertThat(feed(reader, null).getList("items.paperId", String.class)).isEmpty();

        PaperEvent fresh = paper("feed:fresh-" + reader, "A Fresh Paper").kind(KIND).vector(0.5f, 0.5f, 0f)
                .firstSeen(Instant.now().plusSeconds(1)).build();
        TestPapers.publishAndAwait(fresh);

        assertThat(feed(reader, null).getList("items.paperId", String.class)).containsExactly(fresh.paperId());
        assertThat(feed(reader, null).getList("items.paperId", String.class)).containsExactly(fresh.paperId());
    }

    @Test
    void markingSeenWithoutAUsableTimeIsA400Problem() {
        String reader = newReader();
        for (String body : new String[] {"{}", "{\"until\": \"yesterday\"}", "[1]"}) {
            given().auth().oauth2(TestTokens.reader(reader)).contentType("application/json").body(body)
                    .when().post("/api/readers/{reader}/feed/seen", reader)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void theAtomFeedIsAWindowThatLinksToThePaperPageAndArxiv() throws Exception {
        PaperEvent arxiv = paper("feed:arxiv", "A Paper On arXiv").kind("feed-test-arxiv").arxiv("2401.01234")
                .vector(0.3f, 0.3f, 0.3f).firstSeen(Instant.now().minus(Duration.ofDays(10))).build();
        TestPapers.publishAndAwait(arxiv);
        String reader = newReader();

        String first = atom(reader, "feed-test-arxiv");
        // a window, not a cursor: the same entries on every fetch
        assertThat(entryIds(first)).containsExactly("urn:ronbun:paper:" + arxiv.paperId());
        assertThat(entryIds(atom(reader, "feed-test-arxiv"))).isEqualTo(entryIds(first));

        Element entry = (Element) parse(first).getElementsByTagNameNS(ATOM, "entry").item(0);
        NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
        java.util.Map<String, String> hrefs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            hrefs.put(link.getAttribute("rel") + " " + link.getAttribute("type"), link.getAttribute("href"));
        }
        assertThat(hrefs.get("alternate ")).matches("http://[^/]+/paper\\.html\\?id=.+")
                .endsWith(java.net.URLEncoder.encode(arxiv.paperId(), StandardCharsets.UTF_8));
        assertThat(hrefs.get("related text/html")).isEqualTo("https://arxiv.org/abs/2401.01234");
        assertThat(hrefs.get("related application/pdf")).isEqualTo("https://arxiv.org/pdf/2401.01234");
        // the UI page opens without a token (the JSON API would answer 401)
        given().when().get(java.net.URI.create(hrefs.get("alternate ")).getRawPath()).then().statusCode(200);
    }

    @Test
    void theFeedIsValidAtomThatEscapesMarkupInTitlesAndSummaries() throws Exception {
        Response atom = given().auth().oauth2(TestTokens.admin())
                .queryParam("since", "2000-01-01").queryParam("kind", "feed-test-hostile")
                .when().get("/api/readers/{reader}/feed.atom", newReader())
                .then().statusCode(200).contentType("application/atom+xml").extract().response();

        String xml = atom.asString();
        assertThat(xml).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
        Document document = parse(xml);
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "id")).startsWith("urn:ronbun:reader:");
        assertThat(text(feed, "updated")).isNotBlank();
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(1);
        Element entry = (Element) entries.item(0);
        assertThat(text(entry, "title")).isEqualTo(HOSTILE_TITLE);
        assertThat(text(entry, "id")).isEqualTo("urn:ronbun:paper:" + HOSTILE.paperId());
        assertThat(text(entry, "summary")).contains("<script>document.cookie</script>").doesNotContain("\u0001");
        assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
                .isEqualTo("<i>タグ</i>");
    }

    @Test
    void acceptingAtomOnTheFeedGetsAtomAndOtherwiseJson() {
        String reader = newReader();
        given().auth().oauth2(TestTokens.reader(reader))
                .accept("application/atom+xml").queryParam("since", "2000-01-01").queryParam("kind", KIND)
                .when().get("/api/readers/{reader}/feed", reader)
                .then().statusCode(200).contentType("application/atom+xml");
        given().auth().oauth2(TestTokens.reader(reader)).queryParam("since", "2000-01-01").queryParam("kind", KIND)
                .when().get("/api/readers/{reader}/feed", reader)
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void aMalformedSinceIsA400Problem() {
        given().auth().oauth2(TestTokens.admin())
                .queryParam("since", "last week").when().get("/api/readers/{reader}/feed", newReader())
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String atom(String reader, String kind) {
        return given().auth().oauth2(TestTokens.reader(reader)).queryParam("kind", kind)
                .when().get("/api/readers/{reader}/feed.atom", reader)
                .then().statusCode(200).contentType("application/atom+xml").extract().asString();
    }

    static java.util.List<String> entryIds(String xml) throws Exception {
        NodeList entries = parse(xml).getElementsByTagNameNS(ATOM, "entry");
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            ids.add(text((Element) entries.item(i), "id"));
        }
        return ids;
    }

    private static JsonPath feed(String reader, String since) {
        var request = given().auth().oauth2(TestTokens.reader(reader)).queryParam("kind", KIND);
        if (since != null) {
            request = request.queryParam("since", since);
        }
        return request.when().get("/api/readers/{reader}/feed", reader).then().statusCode(200).extract().jsonPath();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static String newReader() {
        return "reader-" + UUID.randomUUID();
    }
}
