package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class PaperResourceTest {

    static final String KIND = "paper-resource-test";

    static final TestPapers.Builder DIFFUSION = paper("arxiv:2006.11239", "Denoising Diffusion Probabilistic Models")
            .arxiv("2006.11239").kind(KIND).vector(1.0f, 0.10f, 0.0f).keywords("拡散モデル", "画像生成")
            .text("拡散モデルはノイズを少しずつ除去して画像を生成する。Denoising diffusion probabilistic models.");
    static final TestPapers.Builder LATENT_DIFFUSION = paper("arxiv:2112.10752",
            "High-Resolution Image Synthesis with Latent Diffusion Models")
            .arxiv("2112.10752").kind(KIND).vector(0.95f, 0.30f, 0.0f).keywords("拡散モデル", "潜在空間")
            .text("潜在空間で拡散モデルを学習し、高解像度の画像を生成する。Latent diffusion models.");
    static final TestPapers.Builder DISTILLATION = paper("arxiv:1503.02531", "Distilling the Knowledge in a Neural Network")
            .arxiv("1503.02531").kind(KIND).vector(0.3f, 0.9f, 0.2f).keywords("知識蒸留")
            .text("大きな教師モデルの知識を小さな生徒モデルへ蒸留する。Knowledge distillation.");
    static final TestPapers.Builder RETRIEVAL = paper("arxiv:2005.11401", "Retrieval-Augmented Generation")
            .arxiv("2005.11401").kind(KIND).vector(0.0f, 0.2f, 1.0f).keywords("検索拡張生成")
            .text("外部文書を検索して生成を補強する。Retrieval-augmented generation for knowledge-intensive tasks.");
    /** The same work as DIFFUSION found in a document without its arXiv link: a second record, by title. */
    static final TestPapers.Builder DIFFUSION_BY_TITLE = paper("title:denoising diffusion probabilistic models",
            "Denoising Diffusion Probabilistic Models").kind(KIND).vector(0.99f, 0.12f, 0.0f)
            .keywords("拡散モデル").text("拡散モデルの対話記事。");
    /** Far from DIFFUSION in vector space but sharing its rarest words: only BM25 finds it. */
    static final TestPapers.Builder TEXT_TWIN = paper("title:score matching notes", "Score matching lecture notes")
            .kind(KIND).vector(0.0f, -1.0f, 0.1f).keywords("スコアマッチング")
            .text("Denoising diffusion probabilistic models をノイズ除去の観点から解説する講義ノート。");
    /** Close to DIFFUSION in vector space with no word in common: only the vector finds it. */
    static final TestPapers.Builder VECTOR_TWIN = paper("title:flow matching", "Flow Matching for Generative Modeling")
            .kind(KIND).vector(0.97f, 0.05f, 0.05f).keywords("フローマッチング")
            .text("連続正規化フローを回帰で学習する。");

    private static boolean published;

    @BeforeEach
    void publishPapersToTheCompactedTopicOnce() {
        if (published) {
            return;
        }
        published = true;
        TestPapers.publishAndAwait(DIFFUSION.build(), LATENT_DIFFUSION.build(), DISTILLATION.build(),
                RETRIEVAL.build(), DIFFUSION_BY_TITLE.build(), TEXT_TWIN.build(), VECTOR_TWIN.build());
    }

    @Test
    void listsIndexedPapersWithTotal() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("size", 2).when().get("/api/papers").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(7))
                .body("items.size()", equalTo(2))
                .body("items[0].paperId", notNullValue());
    }

    @Test
    void relatedPapersComeBestFirstWithScoreAndSharedKeywordsAsWhy() {
        JsonPath related = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("k", 3).when().get("/api/papers/{id}/related", DIFFUSION.id())
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(related.getString("items[0].paperId")).isEqualTo(LATENT_DIFFUSION.id());
        assertThat(related.getString("items[0].title"))
                .isEqualTo("High-Resolution Image Synthesis with Latent Diffusion Models");
        assertThat(related.getString("items[0].why")).startsWith("「拡散モデル」").doesNotContain("shared");
        List<Float> scores = related.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(related.getList("items.match", Float.class)).hasSameSizeAs(scores)
                .allSatisfy(match -> assertThat(match).isBetween(0f, 1f));
    }

    @Test
    void relatedNeverIncludesThePaperItselfNorAnotherRecordOfTheSameWork() {
        JsonPath related = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("k", 20).when().get("/api/papers/{id}/related", DIFFUSION.id())
                .then().statusCode(200).extract().jsonPath();

        assertThat(related.getList("items.paperId", String.class))
                .doesNotContain(DIFFUSION.id(), DIFFUSION_BY_TITLE.id())
                .contains(LATENT_DIFFUSION.id());
    }

    @Test
    void hybridRelatedFusesVectorAndBm25SoEitherSignalAloneCanBringAPaper() {
        JsonPath related = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("k", 20).when().get("/api/papers/{id}/related", DIFFUSION.id())
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = related.getList("items.paperId", String.class);

        Map<String, Float> latent = related.getMap("items[" + ids.indexOf(LATENT_DIFFUSION.id()) + "].scoreParts");
        assertThat(latent).containsKeys("vector", "bm25", "fused");
        assertThat(latent.get("vector")).isGreaterThan(0.9f);
        assertThat(latent.get("bm25")).isGreaterThan(0f);
        assertThat(ids).contains(TEXT_TWIN.id(), VECTOR_TWIN.id());
        Map<String, Float> textTwin = related.getMap("items[" + ids.indexOf(TEXT_TWIN.id()) + "].scoreParts");
        assertThat(textTwin.get("bm25")).isGreaterThan(0f);
        assertThat(textTwin.get("vector")).isLessThan(0f);
        Map<String, Float> vectorTwin = related.getMap("items[" + ids.indexOf(VECTOR_TWIN.id()) + "].scoreParts");
        assertThat(vectorTwin.get("vector")).isGreaterThan(0.95f);
        // the paper both signals agree on outranks those that only one signal found
        assertThat(ids.indexOf(LATENT_DIFFUSION.id())).isLessThan(ids.indexOf(TEXT_TWIN.id()));
    }

    @Test
    void unknownPaperIsA404Problem() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/papers/{id}/related", "no-such-paper").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-paper"));
    }

    @Test
    void outOfRangeParametersAre400Problems() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("k", 0).when().get("/api/papers/{id}/related", DIFFUSION.id()).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("from", "last tuesday").when().get("/api/papers").then().statusCode(400)
                .body("detail", containsString("ISO date"));
    }

    @Test
    void aRecordThatIsNotAPaperGoesToTheDeadLetterTopicWithTheReason() {
        TestTopics.send(Topics.PAPERS.name(), "broken", "{\"schemaVersion\":1,\"paperId\":\"x\"}");

        List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.PAPERS.deadLetter(), 1, Duration.ofSeconds(30));

        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().key()).isEqualTo("broken");
        assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("no embedding vector");
        // and the consumer keeps going: a valid paper sent afterwards is indexed
        PaperEvent later = paper("arxiv:1706.03762", "Attention Is All You Need").kind(KIND)
                .vector(0.1f, 0.1f, 0.9f).keywords("注意機構").build();
        TestPapers.publishAndAwait(later);
    }

    @Test
    void aTombstoneOnTheCompactedTopicRemovesThePaper() {
        PaperEvent retracted = paper("title:a retracted paper", "A Retracted Paper").kind(KIND)
                .vector(0.5f, 0.5f, 0.5f).build();
        TestPapers.publishAndAwait(retracted);

        TestTopics.send(Topics.PAPERS.name(), retracted.paperId(), null);

        TestPapers.await("the tombstone to remove the paper",
                () -> given().auth().oauth2(TestTokens.reader("any-reader"))
                        .when().get("/api/papers/{id}", retracted.paperId()).statusCode() == 404);
    }

    @Test
    void anOlderStateOfAPaperNeverReplacesANewerOne() {
        TestPapers.Builder paper = paper("title:versioned paper", "Versioned Paper").kind(KIND).vector(0.2f, 0.2f, 0.9f);
        Instant now = Instant.now();
        TestPapers.publishAndAwait(paper.titleJa("新しい版").updated(now).build());

        TestPapers.publish(paper.titleJa("古い版").updated(now.minusSeconds(3600)).build());
        // a paper on the same partition, published after the old state: once it is indexed, so was the old state
        TestPapers.publishAndAwait(markerOnThePartitionOf(paper.id()));

        given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/papers/{id}", paper.id()).then().statusCode(200).body("titleJa", equalTo("新しい版"));
    }

    private static PaperEvent markerOnThePartitionOf(String paperId) {
        int partition = partitionOf(paperId);
        for (int n = 0; ; n++) {
            TestPapers.Builder marker = paper("title:marker " + n, "Marker " + n).kind(KIND);
            if (partitionOf(marker.id()) == partition) {
                return marker.build();
            }
        }
    }

    /** Kafka's default partitioner for a keyed record. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.PAPERS.partitions();
    }

    @Test
    void listFiltersByKind() {
        JsonPath list = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("kind", KIND).queryParam("size", 100).when().get("/api/papers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.kind", String.class)).isNotEmpty().allMatch(KIND::equals);
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("kind", "no-such-kind").when().get("/api/papers").then().statusCode(200)
                .body("total", equalTo(0)).body("items.paperId", not(hasItem(DIFFUSION.id())));
    }
}
