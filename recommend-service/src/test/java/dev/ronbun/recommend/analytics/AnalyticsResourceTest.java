package dev.ronbun.recommend.analytics;

import static dev.ronbun.recommend.analytics.StudyGroupPapers.DDIM;
import static dev.ronbun.recommend.analytics.StudyGroupPapers.DIFFUSION;
import static dev.ronbun.recommend.analytics.StudyGroupPapers.DPR;
import static dev.ronbun.recommend.analytics.StudyGroupPapers.REALM;
import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static dev.ronbun.recommend.analytics.StudyGroupPapers.THIS_WEEK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WebUiTestProfile.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class AnalyticsResourceTest {

    @Inject
    DataSource database;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void studyGroupPapersAreIndexed() {
        StudyGroupPapers.publishOnce(database);
    }

    @Test
    void countsPapersPerWeekByDocumentShapeAndSourceDocument() {
        JsonPath weekly = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/papers/weekly").then().statusCode(200)
                .body("basis", equalTo("document"))
                .body("weeks.size()", equalTo(12))
                .extract().jsonPath();

        assertThat(weekly.getString("weeks[11]")).isEqualTo(THIS_WEEK.toString());
        assertThat(weekly.getList("byFormat.name")).contains("study-group-notes", "structured-summary",
                "weekly-roundup", "dialogue-article");
        List<Integer> roundups = weekly.getList("byFormat.find { it.name == 'weekly-roundup' }.counts", Integer.class);
        assertThat(roundups.get(11)).as("Flow Matching and Toolformer, this week").isGreaterThanOrEqualTo(2);
        List<Integer> fromOneRoundup = weekly.getList("bySource.find { it.name == 'weekly-pickup-ui.txt' }.counts",
                Integer.class);
        assertThat(fromOneRoundup.get(11)).isEqualTo(2);
        assertThat(weekly.getList("bySource.name")).contains(StudyGroupPapers.HTML_DOCUMENT_NAME);
    }

    @Test
    void countsByTheDayPapersWereFirstSeenWhenAskedFor() {
        JsonPath weekly = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("basis", "ingested").queryParam("weeks", 4)
                .when().get("/api/analytics/papers/weekly").then().statusCode(200)
                .body("basis", equalTo("ingested"))
                .extract().jsonPath();

        assertThat(weekly.getList("weeks")).hasSize(4);
        assertThat(weekly.getInt("total")).isGreaterThanOrEqualTo(StudyGroupPapers.ALL.size());
    }

    @Test
    void refusesAnUnknownCountBasisAsAProblem() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("basis", "yesterday").when().get("/api/analytics/papers/weekly").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("basis"));
    }

    @Test
    void ranksKeywordsRisingFromLastWeekToThisWeekFirst() {
        JsonPath trends = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/keywords/trending").then().statusCode(200)
                .extract().jsonPath();

        List<String> terms = trends.getList("items.term");
        assertThat(terms).contains("拡散モデル", "状態空間モデル");
        assertThat(terms.indexOf("拡散モデル")).isLessThan(terms.indexOf("状態空間モデル"));
        Map<String, Object> diffusion = trends.getMap("items.find { it.term == '拡散モデル' }");
        assertThat((Integer) diffusion.get("thisWeek")).isGreaterThanOrEqualTo(3);
        assertThat((Integer) diffusion.get("lastWeek")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) diffusion.get("rise")).isGreaterThanOrEqualTo(2);
        assertThat(trends.getList("weeks")).hasSize(8);
    }

    @Test
    void listsTheKeywordsMostPapersCarryAndThePapersOfOneKeyword() {
        List<String> popular = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("n", 5).when().get("/api/analytics/keywords/popular")
                .then().statusCode(200).extract().jsonPath().getList("items.term");
        assertThat(popular).hasSizeLessThanOrEqualTo(5).contains("拡散モデル");

        List<String> papers = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("term", "検索拡張生成").when().get("/api/analytics/keywords/papers")
                .then().statusCode(200).extract().jsonPath().getList("items.paperId");
        assertThat(papers).contains(REALM.paperId(), DPR.paperId()).doesNotContain(DDIM.paperId());
    }

    @Test
    void topicMapHasOnePointPerPaperAndLabelsItsClustersWithKeywords() {
        JsonPath map = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/topic-map").then().statusCode(200).extract().jsonPath();

        List<String> pointIds = map.getList("points.paperId");
        assertThat(pointIds).doesNotHaveDuplicates().hasSize(StudyGroupPapers.indexedPapers())
                .containsAll(StudyGroupPapers.ALL.stream().map(PaperEvent::paperId).toList());
        int clusters = map.getList("clusters").size();
        assertThat(clusters).isGreaterThanOrEqualTo(2);
        List<Integer> pointClusters = map.getList("points.cluster", Integer.class);
        assertThat(pointClusters).as("a cluster, or -1 for noise").allMatch(c -> c >= -1 && c < clusters);
        assertThat(map.getInt("noise")).isEqualTo((int) pointClusters.stream().filter(c -> c == -1).count());
        assertThat(map.getList("clusters.label", String.class)).allMatch(label -> !label.isBlank());
        List<Integer> diffusionClusters = DIFFUSION.stream()
                .map(p -> map.getInt("points.find { it.paperId == '" + p.paperId() + "' }.cluster")).distinct().toList();
        assertThat(diffusionClusters).as("the four diffusion papers share a cluster").hasSize(1);
        String diffusionLabel = map.getString("clusters.find { it.cluster == " + diffusionClusters.getFirst() + " }.label");
        assertThat(diffusionLabel).contains("拡散モデル");
    }

    @Test
    void topicMapIsTheSameOnEveryRequest() {
        String first = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/topic-map").then().statusCode(200).extract().asString();
        String second = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/topic-map").then().statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void countsReadingEventsPerDayAndActiveReaders() {
        JsonPath reading = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/analytics/reading/daily").then().statusCode(200)
                .body("days.size()", equalTo(30))
                .extract().jsonPath();

        assertThat(reading.getList("byType.name")).containsSubsequence("opened", "read", "saved", "liked", "dismissed");
        int events = reading.getList("byType.counts.flatten()", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertThat(events).isGreaterThanOrEqualTo(6);
        assertThat(reading.getInt("activeReadersLast7Days")).isGreaterThanOrEqualTo(3);
        assertThat(reading.getInt("activeReadersLast30Days")).isGreaterThanOrEqualTo(3);
        assertThat(reading.getInt("readers")).isGreaterThanOrEqualTo(3);
        assertThat(reading.getList("activeReaders", Integer.class)).hasSize(30).anyMatch(n -> n >= 1);
    }

    @Test
    void countsHowOftenOnePaperWasReadAndByHowManyReaders() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/papers/{id}/reads", DDIM.paperId()).then().statusCode(200)
                .body("events", equalTo(3))
                .body("readers", equalTo(2))
                .body("byType.opened", equalTo(1))
                .body("byType.liked", equalTo(1))
                .body("byType.read", equalTo(1))
                .body("byType.dismissed", equalTo(0));
    }

    @Test
    void reportsTheIndexConsumersLagOnThePapersTopic() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath lag;
        do {
            lag = given().auth().oauth2(TestTokens.reader("any-reader"))
                    .when().get("/api/analytics/pipeline/lag").then().statusCode(200)
                    .body("problem", org.hamcrest.Matchers.nullValue())
                    .body("available", equalTo(true))
                    .extract().jsonPath();
            Integer waiting = lag.get("items.find { it.group == 'recommend-service-index' && it.topic == '"
                    + Topics.PAPERS.name() + "' }.lag");
            if (waiting != null && waiting == 0) {
                break;
            }
            StudyGroupPapers.pause(Duration.ofMillis(500));
        } while (System.nanoTime() < deadline);

        assertThat(lag.getInt("items.find { it.group == 'recommend-service-index' && it.topic == '"
                + Topics.PAPERS.name() + "' }.lag")).as("all papers indexed and committed").isZero();
        assertThat(lag.getList("items.group")).contains("embed-service", "recommend-service-readers");
        assertThat(lag.getString("items.find { it.group == 'embed-service' }.topic"))
                .as("no embed-service runs in this test").isNull();
    }

    @Test
    void reportsTheLagOfEachFurtherReplicasIndexGroupButNoOtherGroup() throws Exception {
        TopicPartition first = new TopicPartition(Topics.PAPERS.name(), 0);
        try (Admin admin = withKafkaClassLoader(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RonbunTestInfrastructure.bootstrapServers())))) {
            for (String group : List.of("recommend-service-index-2", "recommend-service-index-old")) {
                admin.alterConsumerGroupOffsets(group, Map.of(first, new OffsetAndMetadata(0))).all()
                        .get(30, TimeUnit.SECONDS);
            }
        }

        JsonPath lag = given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/analytics/pipeline/lag").then().statusCode(200)
                .body("available", equalTo(true))
                .extract().jsonPath();

        assertThat(lag.getString("items.find { it.group == 'recommend-service-index-2' }.topic"))
                .as("replica 2's index group, on the papers topic").isEqualTo(Topics.PAPERS.name());
        assertThat(lag.getList("items.group")).as("a group that is not a replica's").doesNotContain(
                "recommend-service-index-old");
        assertThat(lag.getList("items.group").indexOf("recommend-service-index-2"))
                .as("after the configured groups").isGreaterThan(
                        lag.getList("items.group").lastIndexOf("recommend-service-readers"));
    }

    @Test
    void streamsTheIndexVersionAndAgainWhenAPaperArrives() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/analytics/index/changes"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.reader("any-reader")).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring("data:".length()).strip());
                    }
                }
            } catch (IOException e) {
                // the stream is closed when the test ends
            }
        });
        try {
            String first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the current version comes first").isNotNull();
            long papersBefore = EventJson.mapper().readTree(first).get("papers").asLong();

            PaperEvent arriving = StudyGroupPapers.paper("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models",
                    "低ランク適応 LoRA", "paper", StudyGroupPapers.summary("weekly-roundup", "weekly-pickup-ui-lora.txt", null,
                            THIS_WEEK.plusDays(4), "大規模言語モデルを低ランク行列で微調整する。"),
                    StudyGroupPapers.vector(-0.25f, 0.35f, -0.80f), "大規模言語モデル", "微調整");
            StudyGroupPapers.publish(arriving);

            // Papers published by earlier tests may still be arriving, so versions announced
            // in between are skipped until the one that carries the new paper.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode version = null;
            while (version == null && System.nanoTime() < deadline) {
                String next = events.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    var announced = EventJson.mapper().readTree(next);
                    if (arriving.paperId().equals(announced.path("newestPaperId").asText())) {
                        version = announced;
                    }
                }
            }
            assertThat(version).as("a new version once the paper is indexed").isNotNull();
            assertThat(version.get("papers").asLong()).isGreaterThanOrEqualTo(papersBefore + 1);
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }
}
