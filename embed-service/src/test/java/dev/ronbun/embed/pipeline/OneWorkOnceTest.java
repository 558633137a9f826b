package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A paper keyed by its arXiv id and the same paper keyed by its title (or its Japanese title) are one work, stored
 * and published once with every summary, whichever document arrives first (issue 19). The documents are shaped as the
 * samples' study-group notes, structured summaries, dialogue article and paper notes give them.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed"))
class OneWorkOnceTest {

    private static final String QLORA = "QLoRA: Efficient Finetuning of Quantized LLMs";
    private static final String DPO = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model";
    private static final String ROPE_JA = "回転位置埋め込みで Transformer を強くする";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WorkKeyBackfill backfill;

    @Test
    void aTitleOnlyNoteFollowedByAStructuredSummaryWithTheArxivLinkIsOnePaperAndTheTitleRecordIsTombstoned()
            throws Exception {
        SummaryEvent note = titleOnly(QLORA, null, "study-group-notes", "1".repeat(64),
                "ベースモデルを4bitに量子化して凍結し、その上にLoRAのアダプタを載せて学習する。");
        SummaryEvent structured = withArxiv("2305.14314", QLORA, "2".repeat(64),
                "量子化したモデルを凍結し LoRA だけを学習することで、65B モデルを GPU 1 枚で微調整する。");
        String titleId = PaperIdentity.paperId(note.paperKey());
        String arxivId = PaperIdentity.paperId("arxiv:2305.14314");

        send(note);
        awaitPaper(titleId, 1);
        send(structured);

        PaperEvent paper = awaitPaper(arxivId, 2);
        assertThat(paper.summaries()).extracting(PaperSummary::format)
                .containsExactlyInAnyOrder("study-group-notes", "structured-summary");
        assertThat(paper.formerIds()).containsExactly(titleId);
        assertThat(paper.arxivId()).isEqualTo("2305.14314");
        assertThat(paper.keywords()).isNotEmpty();
        PapersTopic.awaitTombstone(titleId);
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid", titleId)).isZero();
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where paper_id = ?::uuid", arxivId)).isEqualTo(2);
        assertThat(StoredRows.count(dataSource, "select count(*) from paper_vectors where paper_id = ?::uuid", arxivId)).isEqualTo(1);
        assertThat(StoredRows.termCountsOutOfStep(dataSource))
                .as("document frequencies kept in step through the merge's moved and deleted terms").isZero();
        assertThat(StoredRows.paperCountOutOfStep(dataSource)).as("the number of papers kept in step").isZero();
    }

    @Test
    void aStructuredSummaryWithTheArxivLinkFollowedByATitleOnlyNoteIsOnePaperAndNoTitleRecordIsEverPublished()
            throws Exception {
        SummaryEvent structured = withArxiv("2305.18290", DPO, "3".repeat(64),
                "報酬モデルを作らず、好みのペアから直接ポリシーを最適化する DPO。");
        SummaryEvent note = titleOnly(DPO, null, "study-group-notes", "4".repeat(64),
                "RLHF の報酬モデルと強化学習を、分類の損失ひとつに置き換える。");
        String arxivId = PaperIdentity.paperId("arxiv:2305.18290");

        send(structured);
        awaitPaper(arxivId, 1);
        send(note);

        PaperEvent paper = awaitPaper(arxivId, 2);
        assertThat(paper.summaries()).extracting(PaperSummary::documentId)
                .containsExactlyInAnyOrder("3".repeat(64), "4".repeat(64));
        assertThat(paper.formerIds()).isEmpty();
        String titleId = PaperIdentity.paperId(note.paperKey());
        assertThat(TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(2)))
                .noneMatch(r -> titleId.equals(r.key()));
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid", titleId)).isZero();
    }

    @Test
    void aJapaneseTitledDialogueAndAnEnglishTitledPostCarryingThatJapaneseTitleAreOnePaperInEitherOrder()
            throws Exception {
        String english = "RoFormer: Enhanced Transformer with Rotary Position Embedding";
        SummaryEvent dialogue = titleOnly(null, ROPE_JA, "dialogue-article", "5".repeat(64),
                "位置に応じてクエリとキーを回転させると、内積が相対位置だけで決まるんです。");
        SummaryEvent post = titleOnly(english, ROPE_JA, "paper-notes", "6".repeat(64),
                "トークンの位置に応じてベクトルを回転させる位置埋め込み RoPE の提案。");
        String englishId = PaperIdentity.paperId(post.paperKey());

        send(dialogue);
        awaitPaper(PaperIdentity.paperId(dialogue.paperKey()), 1);
        send(post);
        PaperEvent paper = awaitPaper(englishId, 2);
        assertThat(paper.title()).isEqualTo(english);
        assertThat(paper.titleJa()).isEqualTo(ROPE_JA);
        assertThat(paper.formerIds()).containsExactly(PaperIdentity.paperId(dialogue.paperKey()));

        // The other order, with the words changed so that the two runs are other documents of another work.
        String englishB = "Rotary Position Embedding Revisited for Long Context Models";
        String japaneseB = "長い文脈のための回転位置埋め込みの再検討";
        SummaryEvent postB = titleOnly(englishB, japaneseB, "paper-notes", "7".repeat(64),
                "長い文脈で回転位置埋め込みを見直す。");
        SummaryEvent dialogueB = titleOnly(null, japaneseB, "dialogue-article", "8".repeat(64),
                "回転の周波数を変えると長い文脈でも崩れにくいんです。");
        send(postB);
        String englishBId = PaperIdentity.paperId(postB.paperKey());
        awaitPaper(englishBId, 1);
        send(dialogueB);
        assertThat(awaitPaper(englishBId, 2).formerIds()).isEmpty();
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid",
                PaperIdentity.paperId(dialogueB.paperKey()))).isZero();
    }

    @Test
    void papersWithShortGenericTitlesOrTwoArxivIdsStayApart() throws Exception {
        // "DINO" names two papers (self-supervised ViTs, 2104.14294; a DETR detector, 2203.03605) and a note on either.
        SummaryEvent vit = withArxiv("2104.14294", "DINO", "9".repeat(64), "自己蒸留で ViT を教師なしに学習する。");
        SummaryEvent detr = withArxiv("2203.03605", "DINO", "a1".repeat(32), "ノイズ除去のアンカーで DETR を速く学習する。");
        SummaryEvent note = titleOnly("DINO", null, "study-group-notes", "a2".repeat(32), "DINO を読んだ。");
        String same = "Scaling Vision Transformers to Twenty Two Billion Parameters";
        SummaryEvent first = withArxiv("2302.05442", same, "a3".repeat(32), "220 億パラメータの ViT を学習する。");
        SummaryEvent second = withArxiv("2302.05443", same, "a4".repeat(32), "同名の別の投稿。");
        SummaryEvent ambiguous = titleOnly(same, null, "study-group-notes", "a5".repeat(32), "どちらの論文か書いていない。");

        for (SummaryEvent event : List.of(vit, detr, note, first, second)) {
            send(event);
        }
        awaitPaper(PaperIdentity.paperId(first.paperKey()), 1);
        awaitPaper(PaperIdentity.paperId(second.paperKey()), 1);
        send(ambiguous);

        for (SummaryEvent event : List.of(vit, detr, note, first, second, ambiguous)) {
            PaperEvent paper = awaitPaper(PaperIdentity.paperId(event.paperKey()), 1);
            assertThat(paper.summaries()).hasSize(1);
            assertThat(paper.formerIds()).isEmpty();
        }
    }

    @Test
    void aTitleRecordStoredBeforeWorkKeysWereKeptIsJoinedToItsArxivPaperByTheBackfill() throws Exception {
        String title = "A Time Series is Worth 64 Words: Long-term Forecasting with Transformers";
        SummaryEvent note = titleOnly(title, null, "study-group-notes", "b1".repeat(32),
                "いわゆるPatchTST。時系列をパッチに区切って単語のように扱う。");
        SummaryEvent structured = withArxiv("2211.14730", title, "b2".repeat(32),
                "時系列をパッチに区切り、変数ごとに独立して同じ Transformer に通す PatchTST。");
        String titleId = PaperIdentity.paperId(note.paperKey());
        String arxivId = PaperIdentity.paperId("arxiv:2211.14730");
        send(note);
        awaitPaper(titleId, 1);
        execute("delete from paper_work_keys where paper_id = ?::uuid", titleId); // as a paper stored before V4 is
        send(structured);
        awaitPaper(arxivId, 1);
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid", titleId)).isEqualTo(1);

        backfill.run();

        PaperEvent paper = awaitPaper(arxivId, 2);
        assertThat(paper.formerIds()).containsExactly(titleId);
        PapersTopic.awaitTombstone(titleId);
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid", titleId)).isZero();
        assertThat(StoredRows.count(dataSource, "select count(*) from paper_work_keys where paper_id = ?::uuid", arxivId)).isEqualTo(1);
    }

    private static void send(SummaryEvent event) {
        TestTopics.send(Topics.SUMMARIES.name(), event.paperKey(), EventJson.write(event));
    }

    private static SummaryEvent withArxiv(String arxivId, String title, String documentId, String body) {
        return new SummaryEvent(1, "arxiv:" + arxivId, documentId, "paper-summaries.md", 0, "structured-summary",
                title, null, arxivId, List.of("https://arxiv.org/abs/" + arxivId), List.of(), null, "paper",
                LocalDate.of(2026, 1, 20), body, List.of(new Section("手法", body)), body, Instant.now());
    }

    private static SummaryEvent titleOnly(String title, String titleJa, String format, String documentId, String body) {
        String key = PaperIdentity.key(null, title, titleJa).orElseThrow();
        return new SummaryEvent(1, key, documentId, format + ".txt", 0, format, title, titleJa, null, List.of(),
                List.of(), "Aoi", "paper", LocalDate.of(2026, 1, 13), body, List.of(new Section("手法", body)), body,
                Instant.now());
    }

    /** The latest state of the paper on the papers topic once it carries the expected number of summaries. */
    private static PaperEvent awaitPaper(String paperId, int summaries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> records = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE,
                    Duration.ofSeconds(2)).stream().filter(r -> paperId.equals(r.key()) && r.value() != null).toList();
            if (!records.isEmpty()) {
                PaperEvent latest = EventJson.readPaper(records.getLast().value());
                if (latest.summaries().size() >= summaries) {
                    return latest;
                }
            }
        }
        throw new AssertionError("no paper " + paperId + " with " + summaries + " summaries on " + Topics.PAPERS.name());
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

}
