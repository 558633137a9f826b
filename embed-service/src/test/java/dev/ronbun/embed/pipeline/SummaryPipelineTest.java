package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed"))
class SummaryPipelineTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSummaryBecomesAStoredEmbeddedPaperPublishedOnThePapersTopic() throws Exception {
        SummaryEvent summary = summary("2312.00752", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
                "a".repeat(64), 0, "選択的状態空間モデル Mamba は、Transformer の注意機構を使わずに長い系列を線形時間で処理する。");

        TestTopics.send(Topics.SUMMARIES.name(), summary.paperKey(), EventJson.write(summary));

        PaperEvent paper = awaitPaper(PaperIdentity.paperId("arxiv:2312.00752"), 1);
        assertThat(paper.title()).isEqualTo(summary.title());
        assertThat(paper.embedding().vector()).hasSize(512);
        assertThat(norm(paper.embedding().vector())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(paper.embedding().modelId()).isEqualTo("bge-small-zh-v15-q");
        assertThat(paper.keywords()).isNotEmpty();
        assertThat(StoredRows.count(dataSource, "select count(*) from summary_vectors v join summaries s using (summary_id) where s.paper_id = ?::uuid",
                paper.paperId())).isEqualTo(1);

        // Where the summary's time went: each step's elapsed seconds, of which its CPU seconds are a part.
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String step : List.of("check", "embed", "keywords", "store", "publish")) {
            double elapsed = stepSeconds(metrics, "ronbun_embed_summary_seconds_total", step);
            assertThat(elapsed).as("elapsed seconds of step " + step).isPositive()
                    .isGreaterThanOrEqualTo(stepSeconds(metrics, "ronbun_embed_summary_cpu_seconds_total", step));
        }
    }

    private static double stepSeconds(String metrics, String counter, String step) {
        return metrics.lines().filter(line -> line.startsWith(counter + "{") && line.contains("step=\"" + step + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(counter + "{step=" + step + "} not in /q/metrics"));
    }

    @Test
    void aRedeliveredSummaryDuplicatesNothingAndASecondDocumentAddsASecondSummary() throws Exception {
        SummaryEvent first = summary("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models",
                "b".repeat(64), 2, "LoRA は重みの差分を低ランク行列で表し、大規模言語モデルの微調整を安くする。");
        SummaryEvent other = summary("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models",
                "c".repeat(64), 0, "低ランク適応で学習するパラメータを大きく減らす手法の解説。");

        TestTopics.send(Topics.SUMMARIES.name(), first.paperKey(), EventJson.write(first));
        TestTopics.send(Topics.SUMMARIES.name(), first.paperKey(), EventJson.write(first));
        TestTopics.send(Topics.SUMMARIES.name(), other.paperKey(), EventJson.write(other));

        String paperId = PaperIdentity.paperId("arxiv:2106.09685");
        PaperEvent paper = awaitPaper(paperId, 2);
        assertThat(paper.summaries()).extracting(s -> s.documentId())
                .containsExactlyInAnyOrder("b".repeat(64), "c".repeat(64));
        assertThat(StoredRows.count(dataSource, "select count(*) from papers where paper_key = ?", "arxiv:2106.09685")).isEqualTo(1);
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where paper_id = ?::uuid", paperId)).isEqualTo(2);
        assertThat(StoredRows.count(dataSource, "select count(*) from summary_vectors v join summaries s using (summary_id) where s.paper_id = ?::uuid",
                paperId)).isEqualTo(2);
    }

    @Test
    void aRecordThatIsNotASummaryGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        TestTopics.send(Topics.SUMMARIES.name(), "poison", "{\"schemaVersion\":1,\"paperKey\":\"k\"");

        // other tests dead-letter records too: this one is found by its key
        List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.SUMMARIES.deadLetter(), Integer.MAX_VALUE,
                Duration.ofSeconds(20)).stream().filter(r -> "poison".equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("not a valid SummaryEvent");

        SummaryEvent after = summary("2006.11239", "Denoising Diffusion Probabilistic Models", "d".repeat(64), 0,
                "拡散モデルはノイズを少しずつ取り除いて画像を生成する。");
        TestTopics.send(Topics.SUMMARIES.name(), after.paperKey(), EventJson.write(after));
        assertThat(awaitPaper(PaperIdentity.paperId("arxiv:2006.11239"), 1).title()).contains("Diffusion");
    }

    @Test
    void tagsAndReferencesAreStoredPerSummaryAndPublishedAsThePapersUnion() throws Exception {
        SummaryEvent plain = summary("1706.03762", "Attention Is All You Need", "e".repeat(64), 0,
                "Transformer は注意機構だけで系列変換を行うモデルである。");
        SummaryEvent first = withLinks(plain, List.of("NLP", "attention"), List.of(
                new Reference("BERT", null, null),
                new Reference(null, "2005.14165", "https://arxiv.org/abs/2005.14165")));
        SummaryEvent second = withLinks(summary("1706.03762", plain.title(), "f".repeat(64), 1,
                "自己注意で長距離依存を扱う Transformer の解説。"), List.of("nlp", "Transformer"), List.of(
                new Reference("Language Models are Few-Shot Learners", "2005.14165", null),
                new Reference("bert", null, "https://arxiv.org/abs/1810.04805")));

        TestTopics.send(Topics.SUMMARIES.name(), first.paperKey(), EventJson.write(first));
        TestTopics.send(Topics.SUMMARIES.name(), second.paperKey(), EventJson.write(second));

        String paperId = PaperIdentity.paperId("arxiv:1706.03762");
        PaperEvent paper = awaitPaper(paperId, 2);
        assertThat(paper.tags()).containsExactly("NLP", "attention", "Transformer");
        assertThat(paper.references()).containsExactly(
                new Reference("BERT", null, "https://arxiv.org/abs/1810.04805"),
                new Reference("Language Models are Few-Shot Learners", "2005.14165",
                        "https://arxiv.org/abs/2005.14165"));
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where summary_id = ? and tags @> '[\"NLP\"]'::jsonb"
                + " and jsonb_array_length(reference_list) = 2", first.summaryId())).isEqualTo(1);
    }

    @Test
    void venueAndYearAreStoredPerSummaryAndThePaperCarriesTheNewestSummarysThatHasThem() throws Exception {
        SummaryEvent preprint = withCitation(summary("2006.11239", "Denoising Diffusion Probabilistic Models",
                "a1".repeat(32), 0, "拡散過程を逆向きに学習して画像を生成する。"), "arXiv", 2020);
        SummaryEvent published = withCitation(summary("2006.11239", preprint.title(), "a2".repeat(32), 0,
                "ノイズ除去の連鎖で高品質な標本を得る拡散モデル。"), "NeurIPS", 2020);
        SummaryEvent without = summary("2006.11239", preprint.title(), "a3".repeat(32), 0, "引用情報のない紹介記事。");

        for (SummaryEvent event : List.of(preprint, published, without)) {
            TestTopics.send(Topics.SUMMARIES.name(), event.paperKey(), EventJson.write(event));
        }

        PaperEvent paper = awaitPaper(PaperIdentity.paperId("arxiv:2006.11239"), 3);
        assertThat(paper.venue()).isEqualTo("NeurIPS");
        assertThat(paper.year()).isEqualTo(2020);
        assertThat(StoredRows.count(dataSource, "select count(*) from summaries where summary_id = ? and venue = 'arXiv' and year = 2020",
                preprint.summaryId())).isEqualTo(1);
    }

    private static SummaryEvent withCitation(SummaryEvent e, String venue, int year) {
        return new SummaryEvent(e.schemaVersion(), e.paperKey(), e.documentId(), e.documentName(), e.position(),
                e.format(), e.title(), e.titleJa(), e.arxivId(), e.urls(), e.authors(), e.presenter(), e.kind(),
                e.sourceDate(), e.summary(), e.sections(), e.body(), e.ingestedAt(), e.tags(), e.references(), venue,
                year);
    }

    private static SummaryEvent withLinks(SummaryEvent e, List<String> tags, List<Reference> references) {
        return new SummaryEvent(e.schemaVersion(), e.paperKey(), e.documentId(), e.documentName(), e.position(),
                e.format(), e.title(), e.titleJa(), e.arxivId(), e.urls(), e.authors(), e.presenter(), e.kind(),
                e.sourceDate(), e.summary(), e.sections(), e.body(), e.ingestedAt(), tags, references);
    }

    private static SummaryEvent summary(String arxivId, String title, String documentId, int position, String body) {
        return new SummaryEvent(1, "arxiv:" + arxivId, documentId, "notes.txt", position, "structured-summary", title,
                null, arxivId, List.of("https://arxiv.org/abs/" + arxivId), List.of("A. Author"), "Aoi", "paper",
                LocalDate.of(2026, 1, 13), body.substring(0, Math.min(40, body.length())),
                List.of(new Section("手法", body)), body, Instant.now());
    }

    /** The latest state of the paper on the papers topic once it carries the expected number of summaries. */
    private static PaperEvent awaitPaper(String paperId, int summaries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<PaperEvent> states = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> paperId.equals(r.key()))
                    .map(r -> EventJson.readPaper(r.value()))
                    .toList();
            if (!states.isEmpty() && states.getLast().summaries().size() >= summaries) {
                return states.getLast();
            }
        }
        throw new AssertionError("no paper " + paperId + " with " + summaries + " summaries on " + Topics.PAPERS.name());
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
