package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Reference;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's tags as a filter and the papers a summary names as next to read, from the index to the API. Vectors
 * point where no other test's papers do, so that no two papers of the shared topic map lie on one spot.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class NextToReadAndTagsTest {

    static final String KIND = "next-to-read-test";

    static final TestPapers.Builder BERT = paper("title:bert pre training of deep bidirectional transformers",
            "BERT: Pre-training of Deep Bidirectional Transformers").kind(KIND).vector(0.3f, -0.6f, 0.8f)
            .keywords("事前学習").tags("nlp").text("双方向の事前学習で言語表現を得る。");
    static final TestPapers.Builder GPT3 = paper("arxiv:2005.14165", "Language Models are Few-Shot Learners")
            .arxiv("2005.14165").kind(KIND).vector(-0.5f, 0.8f, 0.3f).keywords("少数ショット")
            .text("巨大な言語モデルは少数の例示だけでタスクをこなす。");
    /** Named by TRANSFORMER before Ronbun has it. */
    static final TestPapers.Builder LATER = paper("arxiv:2401.00001", "A Paper That Arrives Later")
            .arxiv("2401.00001").kind(KIND).vector(0.4f, -0.7f, 0.6f).text("後から届く論文。");
    static final TestPapers.Builder TRANSFORMER = paper("arxiv:1706.03762", "Attention Is All You Need")
            .arxiv("1706.03762").kind(KIND).vector(0.8f, -0.2f, -0.6f).keywords("注意機構").tags("NLP", "Transformer")
            .published("NeurIPS", 2017)
            .text("注意機構だけで系列変換を行う Transformer を提案する。")
            .references(new Reference("BERT: Pre-training of Deep Bidirectional Transformers", null, null),
                    new Reference(null, null, "https://arxiv.org/abs/2005.14165v3"),
                    new Reference("A Paper That Arrives Later", "2401.00001", null),
                    new Reference("Attention Is All You Need", "1706.03762", null));
    /** Names TRANSFORMER by title only; far from it in text and vector space. */
    static final TestPapers.Builder NAMING = paper("title:a survey of speech codecs", "A Survey of Speech Codecs")
            .kind(KIND).vector(-0.7f, 0.5f, -0.5f).keywords("音声符号化").text("音声符号化方式を概観する。")
            .references(new Reference("Attention is all you need.", null, null));
    /** Close to TRANSFORMER in text and vectors: what related papers would otherwise put first. */
    static final TestPapers.Builder TWIN = paper("title:attention variants", "Attention Variants")
            .kind(KIND).vector(0.6f, -0.1f, -0.8f).keywords("注意機構")
            .text("注意機構の変種を比較し、系列変換の Transformer を改良する。");

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        TestPapers.publishAndAwait(BERT.build(), GPT3.build(), TRANSFORMER.build(), NAMING.build(), TWIN.build());
    }

    @Test
    void theTagFilterOfListsIsCaseInsensitiveAndListsShowTags() {
        JsonPath nlp = reader().queryParam("kind", KIND).queryParam("tag", "NLP").when().get("/api/papers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(nlp.getList("items.paperId", String.class))
                .containsExactlyInAnyOrder(TRANSFORMER.id(), BERT.id());
        assertThat(nlp.getInt("total")).isEqualTo(2);

        JsonPath transformer = reader().queryParam("kind", KIND).queryParam("tag", "transformer").when()
                .get("/api/papers").then().statusCode(200).extract().jsonPath();
        assertThat(transformer.getList("items.paperId", String.class)).containsExactly(TRANSFORMER.id());
        assertThat(transformer.getList("items[0].tags", String.class)).containsExactly("NLP", "Transformer");
    }

    @Test
    void theTagFilterOfSearchKeepsOnlyTaggedPapers() {
        List<String> all = search("注意機構 系列変換", null);
        assertThat(all).contains(TRANSFORMER.id(), TWIN.id());

        assertThat(search("注意機構 系列変換", "Transformer")).containsExactly(TRANSFORMER.id());
    }

    @Test
    void tagsAreSearchableTerms() {
        // "nlp" is in no title or text, only in the writer's tags
        assertThat(search("nlp", null)).contains(TRANSFORMER.id(), BERT.id());
    }

    @Test
    void theVenueAndYearOfTheCitationComeWithThePaperAndAreAbsentWhereNoneWasGiven() {
        JsonPath transformer = reader().when().get("/api/papers/" + TRANSFORMER.id()).then().statusCode(200)
                .extract().jsonPath();
        JsonPath bert = reader().when().get("/api/papers/" + BERT.id()).then().statusCode(200).extract().jsonPath();

        assertThat(transformer.getString("venue")).isEqualTo("NeurIPS");
        assertThat(transformer.getInt("year")).isEqualTo(2017);
        assertThat(bert.getString("venue")).isNull();
        assertThat(bert.getString("year")).isNull();
    }

    @Test
    void referencesAreShownWithThePaperRonbunHasForEach() {
        JsonPath paper = reader().when().get("/api/papers/{id}", TRANSFORMER.id()).then().statusCode(200)
                .extract().jsonPath();

        assertThat(paper.getList("tags", String.class)).containsExactly("NLP", "Transformer");
        assertThat(paper.getList("references.title", String.class)).containsExactly(
                "BERT: Pre-training of Deep Bidirectional Transformers", null, "A Paper That Arrives Later",
                "Attention Is All You Need");
        assertThat(paper.getString("references[0].paperId")).isEqualTo(BERT.id());
        assertThat(paper.getString("references[1].paperId")).isEqualTo(GPT3.id());
        assertThat(paper.getString("references[1].url")).isEqualTo("https://arxiv.org/abs/2005.14165v3");
        assertThat(paper.getString("references[3].paperId")).as("never itself").isNull();
    }

    @Test
    void aReferencedPaperThatArrivesLaterLinksUp() {
        assertThat(reader().when().get("/api/papers/{id}", TRANSFORMER.id()).then().statusCode(200)
                .extract().jsonPath().getString("references[2].paperId")).isNull();

        TestPapers.publishAndAwait(LATER.build());

        assertThat(reader().when().get("/api/papers/{id}", TRANSFORMER.id()).then().statusCode(200)
                .extract().jsonPath().getString("references[2].paperId")).isEqualTo(LATER.id());
        JsonPath related = related(LATER.id());
        assertThat(related.getString("items[0].paperId")).isEqualTo(TRANSFORMER.id());
        assertThat(related.getString("items[0].why")).contains("この論文を次に読むべき論文に挙げています");
    }

    @Test
    void relatedPapersPutTheNamedPapersFirstThenThoseNamingItAheadOfCloserText() {
        JsonPath related = related(TRANSFORMER.id());
        List<String> ids = related.getList("items.paperId", String.class);

        assertThat(ids.subList(0, 2)).containsExactly(BERT.id(), GPT3.id());
        assertThat(related.getString("items[0].why")).contains("次に読むべき論文として挙げられています");
        assertThat(ids).contains(NAMING.id(), TWIN.id());
        assertThat(ids.indexOf(NAMING.id())).isLessThan(ids.indexOf(TWIN.id()));
        assertThat(related.getString("items[" + ids.indexOf(NAMING.id()) + "].why"))
                .contains("この論文を次に読むべき論文に挙げています");
        assertThat(ids).doesNotContain(TRANSFORMER.id());
        List<Float> scores = related.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void relatedPapersOfANamedPaperPutTheNamingPaperFirst() {
        JsonPath related = related(BERT.id());

        assertThat(related.getString("items[0].paperId")).isEqualTo(TRANSFORMER.id());
        assertThat(related.getString("items[0].why")).contains("この論文を次に読むべき論文に挙げています");
    }

    private static JsonPath related(String paperId) {
        return reader().queryParam("k", 10).when().get("/api/papers/{id}/related", paperId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> search(String q, String tag) {
        RequestSpecification request = reader().queryParam("q", q).queryParam("kind", KIND);
        if (tag != null) {
            request = request.queryParam("tag", tag);
        }
        return request.when().get("/api/search").then().statusCode(200).extract().jsonPath()
                .getList("items.paperId", String.class);
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.reader("any-reader"));
    }
}
