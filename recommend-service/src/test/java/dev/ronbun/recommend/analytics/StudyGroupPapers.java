package dev.ronbun.recommend.analytics;

import static io.restassured.RestAssured.given;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.infra.testing.TestTopics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A small study group's papers, published to the papers topic as embed-service would, and some reading events
 * written to the readers' table. Dates are relative to this week in Tokyo, so the default chart windows show them:
 * 拡散モデル rises from one paper last week to three this week; 状態空間モデル falls. One summary carries a script
 * tag and one document name an HTML image, both of which the UI must show as text.
 */
public final class StudyGroupPapers {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final LocalDate THIS_WEEK = StudyGroupCalendar.weekOf(LocalDate.now(TOKYO));
    public static final LocalDate LAST_WEEK = THIS_WEEK.minusWeeks(1);
    public static final LocalDate TWO_WEEKS_AGO = THIS_WEEK.minusWeeks(2);

    public static final String SCRIPT_SUMMARY = "検索と生成を組み合わせる。<script>alert(1)</script> という文字列もそのまま表示されるべき。";
    public static final String HTML_DOCUMENT_NAME = "<img src=x onerror=alert(2)>.md";

    public static final PaperEvent DDIM = paper("2010.02502", "Denoising Diffusion Implicit Models", "拡散モデルによる高速サンプリング",
            "paper", summary("study-group-notes", "勉強会ノート " + THIS_WEEK.plusDays(1) + ".txt", "田中", THIS_WEEK.plusDays(1),
                    "拡散モデルのサンプリングを決定的にして 10 倍速くする。"),
            vector(-0.90f, 0.30f, 0.10f), "拡散モデル", "画像生成", "サンプリング");
    public static final PaperEvent CONSISTENCY = paper("2303.01469", "Consistency Models", "一貫性モデル",
            "paper", summary("structured-summary", "paper-summaries-generative.md", null, THIS_WEEK.plusDays(2),
                    "拡散モデルを 1 ステップで生成できるように蒸留する。"),
            vector(-0.85f, 0.40f, 0.20f), "拡散モデル", "蒸留");
    public static final PaperEvent FLOW_MATCHING = paper("2210.02747", "Flow Matching for Generative Modeling", "フローマッチングによる生成モデル",
            "paper", summary("weekly-roundup", "weekly-pickup-ui.txt", null, THIS_WEEK.plusDays(3),
                    "連続正規化フローを拡散モデルのように学習する。"),
            vector(-0.80f, 0.50f, 0.10f), "拡散モデル", "生成モデル");
    public static final PaperEvent DIT = paper("2212.09748", "Scalable Diffusion Models with Transformers", "Transformer による拡散モデル",
            "paper", summary("study-group-notes", "勉強会ノート " + LAST_WEEK.plusDays(1) + ".txt", "佐藤", LAST_WEEK.plusDays(1),
                    "U-Net の代わりに Transformer を使う拡散モデル。"),
            vector(-0.90f, 0.20f, 0.30f), "拡散モデル", "Transformer");
    public static final PaperEvent MAMBA = paper("2312.00752", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
            "状態空間モデル Mamba の解説", "paper", summary("dialogue-article", "dialogue-mamba.txt", null, LAST_WEEK.plusDays(2),
                    "選択的な状態空間モデルで、系列長に線形な計算量を実現する。"),
            vector(-0.20f, -0.90f, 0.30f), "状態空間モデル", "系列モデル");
    public static final PaperEvent RWKV = paper("2305.13048", "RWKV: Reinventing RNNs for the Transformer Era", "RNN の再発明 RWKV",
            "paper", summary("structured-summary", "paper-summaries-sequence-models.md", null, TWO_WEEKS_AGO.plusDays(1),
                    "学習は並列、推論は RNN のように行う。"),
            vector(-0.30f, -0.85f, 0.40f), "系列モデル", "RNN");
    public static final PaperEvent REALM = paper("2002.08909", "REALM: Retrieval-Augmented Language Model Pre-Training",
            "検索で強化した言語モデルの事前学習 REALM", "paper", summary("structured-summary", HTML_DOCUMENT_NAME, "鈴木", TWO_WEEKS_AGO.plusDays(2),
                    SCRIPT_SUMMARY),
            vector(-0.10f, 0.20f, -0.95f), "検索拡張生成", "大規模言語モデル");
    public static final PaperEvent DPR = paper("2004.04906", "Dense Passage Retrieval for Open-Domain Question Answering", "密な文書検索",
            "paper", summary("study-group-notes", "勉強会ノート " + TWO_WEEKS_AGO.plusDays(1) + ".txt", "鈴木", TWO_WEEKS_AGO.plusDays(1),
                    "質問と文書を別々に埋め込み、内積で検索する。"),
            vector(-0.20f, 0.10f, -0.90f), "検索拡張生成", "文書検索");
    public static final PaperEvent TOOLFORMER = paper("2302.04761", "Toolformer: Language Models Can Teach Themselves to Use Tools",
            "道具を使う言語モデル", "paper", summary("weekly-roundup", "weekly-pickup-ui.txt", null, THIS_WEEK.plusDays(3),
                    "言語モデルが API 呼び出しを自分で学ぶ。"),
            vector(-0.30f, 0.30f, -0.85f), "大規模言語モデル", "エージェント");

    public static final List<PaperEvent> ALL = List.of(DDIM, CONSISTENCY, FLOW_MATCHING, DIT, MAMBA, RWKV, REALM, DPR, TOOLFORMER);
    public static final List<PaperEvent> DIFFUSION = List.of(DDIM, CONSISTENCY, FLOW_MATCHING, DIT);

    /** Readers of the fixture: two read DDIM (three events), two read REALM. */
    public static final String AOI = "ui-aoi";
    public static final String REN = "ui-ren";
    public static final String MIO = "ui-mio";

    private static boolean published;

    private StudyGroupPapers() {
    }

    /** Publishes the papers and writes the reading events, once per test JVM, and waits until all are indexed. */
    public static synchronized void publishOnce(DataSource readersDatabase) {
        if (!published) {
            ALL.forEach(StudyGroupPapers::publish);
            writeReadingEvents(readersDatabase);
            published = true;
        }
        ALL.forEach(p -> awaitIndexed(p.paperId()));
    }

    public static void publish(PaperEvent paper) {
        TestTopics.send(Topics.PAPERS.name(), paper.paperId(), EventJson.write(paper));
    }

    public static void awaitIndexed(String paperId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().auth().oauth2(TestTokens.reader("any-reader"))
                    .when().get("/api/papers/{id}", paperId).statusCode() == 200) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("paper " + paperId + " was not indexed within 60 s");
    }

    public static int indexedPapers() {
        return given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/papers?size=1").then().statusCode(200).extract().path("total");
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static PaperEvent paper(String arxivId, String title, String titleJa, String kind, PaperSummary summary,
                                   float[] vector, String... keywords) {
        String paperId = PaperIdentity.paperId("arxiv:" + arxivId);
        Instant now = Instant.now();
        List<Keyword> weighted = Arrays.stream(keywords)
                .map(term -> new Keyword(term, 1.0 - 0.1 * Arrays.asList(keywords).indexOf(term)))
                .toList();
        return new PaperEvent(1, paperId, "arxiv:" + arxivId, title, titleJa, arxivId,
                List.of("https://arxiv.org/abs/" + arxivId, "javascript:alert(3)"), List.of("A. Author", "B. Author"), kind,
                List.of(summary), weighted, new PaperEmbedding("test-model", "v1", vector), now, now);
    }

    public static PaperSummary summary(String format, String documentName, String presenter, LocalDate date, String text) {
        return new PaperSummary(UUID.randomUUID() + "#0", "d".repeat(64), documentName, format, presenter, date, text,
                List.of(new Section("1. 概要", text), new Section("2. 手法", "手法の説明。")), text + "\n本文の続き。");
    }

    /** A unit vector in the 3 dimensions the recommend-service tests use. */
    public static float[] vector(float a, float b, float c) {
        float norm = (float) Math.sqrt(a * a + b * b + c * c);
        return new float[] {a / norm, b / norm, c / norm};
    }

    private static void writeReadingEvents(DataSource database) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement readers = connection.prepareStatement(
                    "insert into readers (reader_id, created_at) values (?, ?) on conflict do nothing")) {
                for (String reader : List.of(AOI, REN, MIO)) {
                    readers.setString(1, reader);
                    readers.setObject(2, now.minusDays(10));
                    readers.executeUpdate();
                }
            }
            event(connection, AOI, DDIM, "opened", now.minusHours(1));
            event(connection, AOI, DDIM, "liked", now.minusMinutes(50));
            event(connection, REN, DDIM, "read", now.minusDays(1));
            event(connection, REN, REALM, "opened", now.minusDays(2));
            event(connection, MIO, REALM, "saved", now.minusDays(3));
            event(connection, MIO, MAMBA, "dismissed", now.minusDays(3));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the fixture's reading events", e);
        }
    }

    private static void event(Connection connection, String reader, PaperEvent paper, String type, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into reading_events (event_id, reader_id, paper_id, type, dwell_seconds, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, reader);
            insert.setString(3, paper.paperId());
            insert.setString(4, type);
            insert.setObject(5, type.equals("read") ? 240 : null, Types.INTEGER);
            insert.setObject(6, at);
            insert.executeUpdate();
        }
    }
}
