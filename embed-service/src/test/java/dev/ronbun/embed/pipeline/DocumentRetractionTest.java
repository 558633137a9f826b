package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.DocumentRetraction;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A retracted document's summaries leave embed-service (issue 20): a paper that keeps other summaries is published
 * again without them, with its terms recounted; a paper left without any is tombstoned and deleted; a late copy of the
 * retracted summaries cannot bring them back, the same document ingested again later can.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed"))
class DocumentRetractionTest {

    private static final String RETRACTED = "c7".repeat(32);
    private static final String KEPT = "c8".repeat(32);
    private static final String MAMBA = "2312.00752";
    private static final String S4 = "2111.00396";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRetractedDocumentsSummariesGoItsPapersArePublishedWithoutThemOrTombstonedAndALateCopyStaysOut()
            throws Exception {
        Instant ingested = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        SummaryEvent mambaRetracted = summary(MAMBA, "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
                RETRACTED, 0, "選択的状態空間で系列を線形時間でモデル化する。誤って投稿された盆栽の剪定メモ。", ingested);
        SummaryEvent s4Retracted = summary(S4, "Efficiently Modeling Long Sequences with Structured State Spaces",
                RETRACTED, 1, "構造化状態空間で長い系列を効率よく扱う。", ingested);
        SummaryEvent mambaKept = summary(MAMBA, "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
                KEPT, 0, "入力に応じて状態空間のパラメータを変える選択機構で、注意機構なしに長い系列を扱う。", ingested);
        String mambaId = PaperIdentity.paperId("arxiv:" + MAMBA);
        String s4Id = PaperIdentity.paperId("arxiv:" + S4);
        for (SummaryEvent event : List.of(mambaRetracted, s4Retracted, mambaKept)) {
            send(event);
        }
        awaitPaper(mambaId, p -> p.summaries().size() == 2);
        awaitPaper(s4Id, p -> p.summaries().size() == 1);
        assertThat(StoredRows.count(dataSource, "select count(*) from paper_terms where paper_id = ?::uuid and term = '盆栽'", mambaId))
                .as("a term only the retracted summary has").isEqualTo(1);

        // passages only the retracted document's summaries were made of (e.g. its bonsai note): cached now
        String onlyRetracted = """
                select count(*) from passage_vectors p
                where exists (select 1 from summary_passages l join summaries s on s.summary_id = l.summary_id
                              where l.passage_hash = p.passage_hash and s.document_id = ?)
                and not exists (select 1 from summary_passages l join summaries s on s.summary_id = l.summary_id
                                where l.passage_hash = p.passage_hash and s.document_id <> '%s')""".formatted(RETRACTED);
        String cachedHashes = "select count(*) from passage_vectors p where p.passage_hash in (%s)";
        List<String> retractedOnly = StoredRows.texts(dataSource, onlyRetracted.replace("select count(*)", "select p.passage_hash"), RETRACTED);
        assertThat(retractedOnly).as("passages cached for the retracted document alone").isNotEmpty();

        Instant retractedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        retract(RETRACTED, retractedAt);

        PaperEvent mamba = awaitPaper(mambaId, p -> p.summaries().size() == 1);
        assertThat(mamba.summaries()).extracting(PaperSummary::documentId).containsExactly(KEPT);
        assertThat(mamba.keywords()).isNotEmpty();
        assertThat(mamba.keywords()).noneMatch(k -> k.term().equals("盆栽"));
        assertThat(StoredRows.count(dataSource, "select count(*) from paper_terms where paper_id = ?::uuid and term = '盆栽'", mambaId))
                .as("the retracted summary's terms are no longer counted").isZero();
        assertThat(StoredRows.termCountsOutOfStep(dataSource))
                .as("document frequencies kept in step with the terms the retraction deleted").isZero();
        assertThat(StoredRows.paperCountOutOfStep(dataSource)).as("the number of papers kept in step").isZero();
        PapersTopic.awaitTombstone(s4Id);
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_id = ?::uuid", s4Id)).isZero();
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where document_id = ?", RETRACTED)).isZero();
        assertThat(StoredRows.count(dataSource, cachedHashes.formatted(String.join(",", retractedOnly.stream().map(h -> "'" + h + "'").toList()))
                + " and ? is not null", RETRACTED)).as("the cache obeys deletion: the retracted text's passages are gone")
                .isZero();

        // Retracting again changes nothing; a late copy of the retracted summaries (ingested before the retraction)
        // stays out, while the same document ingested again after the retraction comes back.
        retract(RETRACTED, retractedAt);
        send(mambaRetracted);
        send(s4Retracted);
        SummaryEvent s4Again = summary(S4, s4Retracted.title(), RETRACTED, 1, s4Retracted.body(),
                retractedAt.plusSeconds(5));
        send(s4Again);
        PaperEvent s4 = awaitPaper(s4Id, p -> p.summaries().size() == 1);
        assertThat(s4.summaries()).extracting(PaperSummary::documentId).containsExactly(RETRACTED);
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where document_id = ? and ingested_at > now() - interval '1 day'"
                + " and position = 1", RETRACTED)).isEqualTo(1);
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where document_id = ? and position = 0", RETRACTED))
                .as("the late copy of Mamba's retracted summary was not stored").isZero();
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where paper_id = ?::uuid", mambaId)).isEqualTo(1);
        assertThat(TestTopics.read(Topics.DOCUMENT_RETRACTIONS.deadLetter(), Integer.MAX_VALUE, Duration.ofSeconds(1)))
                .noneMatch(r -> RETRACTED.equals(r.key()));
    }

    @Test
    void aRetractionThatIsNotValidGoesToTheDeadLetterTopicWithTheReason() {
        TestTopics.send(Topics.DOCUMENT_RETRACTIONS.name(), "not-a-document",
                "{\"schemaVersion\":1,\"documentId\":\"not-a-document\",\"retractedAt\":\"2026-01-01T00:00:00Z\"}");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.DOCUMENT_RETRACTIONS.deadLetter(),
                    Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> "not-a-document".equals(r.key())).toList();
            if (!dead.isEmpty()) {
                assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("SHA-256");
                return;
            }
        }
        throw new AssertionError("the invalid retraction never reached " + Topics.DOCUMENT_RETRACTIONS.deadLetter());
    }

    private static SummaryEvent summary(String arxivId, String title, String documentId, int position, String body,
                                        Instant ingestedAt) {
        return new SummaryEvent(1, "arxiv:" + arxivId, documentId, "retraction-test.md", position,
                "structured-summary", title, null, arxivId, List.of("https://arxiv.org/abs/" + arxivId), List.of(),
                null, "paper", LocalDate.of(2026, 2, 3), body, List.of(new Section("手法", body)), body, ingestedAt);
    }

    private static void send(SummaryEvent event) {
        TestTopics.send(Topics.SUMMARIES.name(), event.paperKey(), EventJson.write(event));
    }

    private static void retract(String documentId, Instant at) {
        TestTopics.send(Topics.DOCUMENT_RETRACTIONS.name(), documentId, EventJson.write(
                new DocumentRetraction(DocumentRetraction.SCHEMA_VERSION, documentId, List.of(), at)));
    }

    private static PaperEvent awaitPaper(String paperId, Predicate<PaperEvent> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> records = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE,
                    Duration.ofSeconds(2)).stream().filter(r -> paperId.equals(r.key())).toList();
            if (!records.isEmpty() && records.getLast().value() != null) {
                PaperEvent latest = EventJson.readPaper(records.getLast().value());
                if (expected.test(latest)) {
                    return latest;
                }
            }
        }
        throw new AssertionError("paper " + paperId + " never reached the expected state on " + Topics.PAPERS.name());
    }

}
