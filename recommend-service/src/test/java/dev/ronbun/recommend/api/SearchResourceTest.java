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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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

    static final PaperEvent DISTILLATION = paper("search:kd", "Distilling the Knowledge in a Neural Network")
            .titleJa("ニューラルネットワークの知識の蒸留").kind(KIND).vector(0.5f, 0.5f, 0.5f)
            .text("knowledge distillation: 大きな教師モデルの出力分布を小さな生徒モデルに学ばせる。蒸留した生徒は教師に近い精度を保つ。")
            .build();
    /** Writes only the compound 知識蒸留, which the analyser keeps whole. */
    static final PaperEvent KD_COMPOUND = paper("search:kd-compound", "Born-Again Neural Networks").kind(KIND)
            .vector(0.5f, 0.4f, 0.5f).text("知識蒸留を世代ごとに繰り返すと、生徒が教師を上回る。").build();
    static final PaperEvent DIFFUSION = paper("search:ddpm", "Denoising Diffusion Probabilistic Models")
            .kind(KIND).vector(0.6f, 0.2f, 0.5f)
            .text("拡散モデルはノイズを少しずつ加える過程を逆にたどって画像を生成する。").build();

    /** More papers sharing one term than a page holds: what pagination and the total are tested on. */
    static final String PAGED_KIND = "search-test-paged";
    static final int PAGED = 23;
    static final List<PaperEvent> PAGED_PAPERS = IntStream.range(0, PAGED)
            .mapToObj(i -> paper("search:paged-" + i, "Paged Study " + i).kind(PAGED_KIND)
                    .vector(0.2f + i * 0.01f, 0.7f, 0.3f)
                    .text("第" + i + "回の勉強会で読んだ論文。ページ送りの確認に使う。").build())
            .toList();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(Stream.concat(
                    Stream.of(LORA, WHISPER, GCN, QLORA_LINKED, QLORA_UNLINKED, DISTILLATION, KD_COMPOUND, DIFFUSION),
                    pagedPapers()).toArray(PaperEvent[]::new));
        }
    }

    private static Stream<PaperEvent> pagedPapers() {
        return PAGED_PAPERS.stream();
    }

    @Test
    void aQueryThatMatchesNothingReturnsNothingWithANoticeInJapanese() {
        JsonPath found = search("xyzzyqq", null);

        assertThat(found.getList("items")).isEmpty();
        assertThat(found.getInt("total")).isZero();
        assertThat(found.getString("noMatch.message")).isEqualTo("「xyzzyqq」に一致する論文はありません");
    }

    @Test
    void aMisspelledWordThatMatchesNothingIsOfferedTheIndexsNearestTerm() {
        JsonPath found = search("recogniton", KIND);

        assertThat(found.getList("items")).isEmpty();
        assertThat(found.getList("noMatch.didYouMean", String.class)).contains("recognition");
    }

    @Test
    void japaneseAndEnglishQueriesStillFindTheirPapersWithTheTermMarkedInASnippet() {
        for (String query : List.of("蒸留", "distillation")) {
            JsonPath found = search(query, KIND);
            assertThat(found.getString("items[0].paperId")).as(query).isEqualTo(DISTILLATION.paperId());
            assertThat(found.getInt("total")).as(query).isEqualTo(found.getList("items").size());
            assertThat(marked(found, 0)).as(query).contains(query);
        }
        JsonPath part = search("蒸留", KIND);
        assertThat(part.getList("items.paperId", String.class))
                .containsExactly(DISTILLATION.paperId(), KD_COMPOUND.paperId());
        assertThat(marked(part, 1)).contains("知識蒸留");
        JsonPath diffusion = search("拡散モデル", KIND);
        assertThat(diffusion.getList("items.paperId", String.class)).containsExactly(DIFFUSION.paperId());
        assertThat(marked(diffusion, 0)).contains("拡散モデル");
        assertThat(diffusion.getString("noMatch")).isNull();
    }

    @Test
    void pagesAddUpToAnExactTotalWithNoPaperTwice() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath found = given().auth().oauth2(TestTokens.reader("any-reader"))
                    .queryParam("q", "ページ送り").queryParam("kind", PAGED_KIND)
                    .queryParam("size", 10).queryParam("page", page)
                    .when().get("/api/search").then().statusCode(200).extract().jsonPath();
            assertThat(found.getInt("total")).isEqualTo(PAGED);
            assertThat(found.getInt("page")).isEqualTo(page);
            assertThat(found.getList("items")).hasSize(page < 2 ? 10 : PAGED - 20);
            seen.addAll(found.getList("items.paperId", String.class));
        }
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(PAGED_PAPERS.stream().map(PaperEvent::paperId).toList());
        JsonPath beyond = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", "ページ送り").queryParam("kind", PAGED_KIND).queryParam("size", 10).queryParam("page", 3)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getInt("total")).isEqualTo(PAGED);
    }

    @Test
    void pageParametersOutOfBoundsAreAProblemNamingTheParameter() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("page", "-1"), Map.entry("page", "next"),
                Map.entry("page", "100000"), Map.entry("size", "0"), Map.entry("size", "101"),
                Map.entry("size", "ten"))) {
            given().auth().oauth2(TestTokens.reader("any-reader"))
                    .queryParam("q", "蒸留").queryParam(bad.getKey(), bad.getValue())
                    .when().get("/api/search").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + bad.getKey() + "'"));
        }
    }

    /** The marked text of an item's snippets, each mark as the document writes it. */
    private static List<String> marked(JsonPath found, int item) {
        List<String> marked = new ArrayList<>();
        List<Map<String, Object>> snippets = found.getList("items[" + item + "].snippets");
        for (Map<String, Object> snippet : snippets) {
            String text = (String) snippet.get("text");
            @SuppressWarnings("unchecked")
            List<Map<String, Integer>> marks = (List<Map<String, Integer>>) snippet.get("marks");
            marks.forEach(mark -> marked.add(text.substring(mark.get("start"), mark.get("end"))));
        }
        return marked;
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
        var request = given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("q", q);
        if (kind != null) {
            request = request.queryParam("kind", kind);
        }
        return request.when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }
}
