package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search as it runs in tests: embed-service is not running, so every query takes the BM25 fallback. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class SearchResourceTest {

    static final String KIND = "search-test";

    static final PaperEvent LORA = paper("search:lora", "LoRA: Low-Rank Adaptation of Large Language Models")
            .titleJa("大規模言語モデルの低ランク適応").kind(KIND).vector(0.3f, 0.3f, 0.9f).keywords("低ランク適応", "ファインチューニング")
            .text("事前学習済みの重みを凍結し、低ランク行列だけを学習することでファインチューニングの計算量を減らす。").build();
    static final PaperEvent WHISPER = paper("search:whisper", "Robust Speech Recognition via Large-Scale Weak Supervision")
            .kind(KIND).vector(0.9f, 0.3f, 0.3f).keywords("音声認識").presenter("Kaz")
            .text("68万時間の弱教師付きデータで音声認識モデルを学習し、多言語の書き起こしに頑健になった。").build();
    static final PaperEvent GCN = paper("search:gcn", "Semi-Supervised Classification with Graph Convolutional Networks")
            .kind("search-test-other").vector(0.3f, 0.9f, 0.3f).keywords("グラフニューラルネットワーク")
            .text("グラフ畳み込みで隣接ノードの特徴を集約し、半教師ありでノードを分類する。").build();

    /** One work summarised twice: once with its arXiv link, once without (two records, one work). */
    static final PaperEvent QLORA_LINKED = paper("search:qlora", "QLoRA: Efficient Finetuning of Quantized LLMs")
            .arxiv("2305.14314").kind(KIND).vector(0.3f, 0.35f, 0.9f)
            .text("4ビット量子化したモデルにアダプタを足して微調整し、メモリを大きく減らす。").build();
    static final PaperEvent QLORA_UNLINKED = paper("search:qlora-notes", "QLoRA: Efficient Finetuning of Quantized LLMs")
            .kind(KIND).vector(0.3f, 0.4f, 0.9f).text("4ビット量子化とページングで一枚のGPUに載せて微調整する。").build();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(LORA, WHISPER, GCN, QLORA_LINKED, QLORA_UNLINKED);
        }
    }

    @Test
    void aJapaneseQueryFindsThePaperThroughTheKuromojiAnalyser() {
        JsonPath found = search("音声認識の書き起こし", KIND);

        assertThat(found.getString("items[0].paperId")).isEqualTo(WHISPER.paperId());
        assertThat(found.getString("items[0].why")).contains("音声認識");
        assertThat(found.getFloat("items[0].scoreParts.bm25")).isPositive();
    }

    @Test
    void anEnglishQueryFindsThePaper() {
        JsonPath found = search("low-rank adaptation", KIND);

        assertThat(found.getString("items[0].paperId")).isEqualTo(LORA.paperId());
        assertThat(found.getString("items[0].title")).isEqualTo("LoRA: Low-Rank Adaptation of Large Language Models");
    }

    @Test
    void withoutEmbedServiceSearchFallsBackToBm25AndSaysSo() {
        JsonPath found = search("ファインチューニング", KIND);

        assertThat(found.getList("signals", String.class)).containsExactly("bm25");
        assertThat(found.getString("notice")).contains("BM25 only");
        assertThat(found.getString("items[0].paperId")).isEqualTo(LORA.paperId());
        assertThat(found.getFloat("items[0].scoreParts.vector")).isZero();
    }

    @Test
    void searchTakesTheSameFiltersAsTheList() {
        assertThat(search("グラフ畳み込み", KIND).getList("items")).isEmpty();
        assertThat(search("グラフ畳み込み", "search-test-other").getString("items[0].paperId")).isEqualTo(GCN.paperId());
        List<String> byPresenter = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", "音声認識 低ランク").queryParam("presenter", "Kaz")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath()
                .getList("items.paperId", String.class);
        assertThat(byPresenter).containsExactly(WHISPER.paperId());
    }

    @Test
    void aWorkSummarisedTwiceIsFoundOnceAtItsBetterRecord() {
        JsonPath found = search("4ビット量子化 微調整", KIND);

        List<String> ids = found.getList("items.paperId", String.class);
        assertThat(ids).containsAnyOf(QLORA_LINKED.paperId(), QLORA_UNLINKED.paperId());
        assertThat(ids.stream().filter(id -> id.equals(QLORA_LINKED.paperId()) || id.equals(QLORA_UNLINKED.paperId())))
                .hasSize(1);
        assertThat(found.getList("items.title", String.class)).doesNotHaveDuplicates();
    }

    @Test
    void aQueryIsRequired() {
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/search").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'q'"));
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", "x").queryParam("from", "soon").when().get("/api/search").then().statusCode(400)
                .body("status", equalTo(400));
    }

    static JsonPath search(String q, String kind) {
        return given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", q).queryParam("kind", kind).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }
}
