package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void summaryEventSurvivesTheWireWithIsoDates() {
        SummaryEvent event = new SummaryEvent(1, "arxiv:2312.00752", "a".repeat(64), "notes.txt", 0,
                "structured-summary", "Mamba", null, "2312.00752", List.of("https://arxiv.org/abs/2312.00752"),
                List.of("Albert Gu"), null, "paper", LocalDate.of(2026, 1, 13), "要約", List.of(new Section("手法", "選択的SSM")),
                "本文", Instant.parse("2026-01-13T10:00:00Z"));

        String json = EventJson.write(event);

        assertThat(json).contains("\"sourceDate\":\"2026-01-13\"").contains("\"ingestedAt\":\"2026-01-13T10:00:00Z\"");
        assertThat(EventJson.readSummary(json)).isEqualTo(event);
    }

    @Test
    void malformedRecordsBecomeInvalidEventsWithAReason() {
        assertThatThrownBy(() -> EventJson.readSummary("{not json"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not a valid SummaryEvent");
        assertThatThrownBy(() -> EventJson.readSummary("{\"schemaVersion\":2,\"paperKey\":\"k\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("schemaVersion 2");
        assertThatThrownBy(() -> EventJson.readSummary(""))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("empty");
    }

    @Test
    void aNulOrAnUnpairedSurrogateInAnyTextIsAnInvalidEventNamingTheField() {
        String valid = EventJson.write(new ReadingEvent(1, "e1", "reader-1", "p1", ReadingType.READ, 30,
                Instant.parse("2026-02-01T00:00:00Z")));

        assertThatThrownBy(() -> EventJson.readReading(valid.replace("reader-1", "a\\u0000b")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ReadingEvent field 'readerId' contains a NUL character (U+0000), which UTF-8 text in "
                        + "PostgreSQL cannot hold");
        assertThatThrownBy(() -> EventJson.readReading(valid.replace("e1", "x\\ud800y")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'eventId' contains an unpaired");
        String summary = "{\"schemaVersion\":1,\"sections\":[{\"heading\":\"h\\u0000\"}]}";
        assertThatThrownBy(() -> EventJson.readSummary(summary))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'sections[0].heading' contains a NUL");
        assertThat(EventJson.readReading(valid.replace("reader-1", "読者\\ud83d\\ude00")).readerId())
                .isEqualTo("読者😀");
    }

    @Test
    void aPaperWhoseVectorIsNotFiniteIsAnInvalidEvent() {
        String valid = EventJson.write(new PaperEvent(1, PaperIdentity.paperId("arxiv:2205.14135"), "arxiv:2205.14135",
                "FlashAttention", null, "2205.14135", List.of(), List.of(), "paper",
                List.of(new PaperSummary("d#0", "d", "d.md", "paper-notes", null, null, "要約", List.of(), "本文")),
                List.of(), new PaperEmbedding("m", "v", new float[] {0.5f, 0.25f}), Instant.EPOCH, Instant.EPOCH));

        assertThat(EventJson.readPaper(valid).embedding().vector()).containsExactly(0.5f, 0.25f);
        assertThatThrownBy(() -> EventJson.readPaper(valid.replace("0.5,", "1e400,")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not a finite number (Infinity)");
    }

    @Test
    void aReadingEventOutsideItsBoundsIsAnInvalidEvent() {
        String valid = EventJson.write(new ReadingEvent(1, "e1", "reader-1", "p1", ReadingType.READ, 30,
                Instant.parse("2026-02-01T00:00:00Z")));

        assertThatThrownBy(() -> EventJson.readReading(valid.replace("30", "-5")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'dwellSeconds' must be");
        assertThatThrownBy(() -> EventJson.readReading(valid.replace("30", "86400")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'dwellSeconds' must be");
        assertThatThrownBy(() -> EventJson.readReading(valid.replace("2026-02-01T00:00:00Z", "9999-12-31T23:59:59Z")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'at' must lie between");
        assertThatThrownBy(() -> EventJson.readReading(valid.replace("2026-02-01T00:00:00Z", "1999-12-31T23:59:59Z")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'at' must lie between");
        assertThat(EventJson.readReading(valid.replace("30", "86399")).dwellSeconds()).isEqualTo(86_399);
    }

    @Test
    void aValueThatDoesNotFitItsFieldIsAnInvalidEventNamingTheField() {
        String valid = EventJson.write(new ReadingEvent(1, "e1", "reader-1", "p1", ReadingType.READ, 30,
                Instant.parse("2026-02-01T00:00:00Z")));

        assertThatThrownBy(() -> EventJson.readReading(valid.replace("30", "3000000000")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not a valid ReadingEvent: field 'dwellSeconds': Numeric value (3000000000)");
    }

    @Test
    void aRecordThatIsNotAJsonObjectIsAnInvalidEvent() {
        assertThatThrownBy(() -> EventJson.readPaper("null")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.readPaper("[1]")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void readingTypesTravelInLowerCaseAndUnknownOnesAreRejected() {
        ReadingEvent event = new ReadingEvent(1, "e1", "reader-1", "p1", ReadingType.LIKED, 30,
                Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(EventJson.write(event)).contains("\"type\":\"liked\"");
        assertThatThrownBy(() -> EventJson.readReading(EventJson.write(event).replace("liked", "loved")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("loved");
    }

    @Test
    void paperKeyPrefersArxivIdThenEnglishThenJapaneseTitle() {
        assertThat(PaperIdentity.key("2312.00752", "Mamba", "マンバ")).contains("arxiv:2312.00752");
        assertThat(PaperIdentity.key(null, "  Mamba: Linear-Time  Sequence Modeling ", null))
                .contains("title:mamba linear time sequence modeling");
        assertThat(PaperIdentity.key("", "", "状態空間モデル　入門")).contains("title-ja:状態空間モデル 入門");
        assertThat(PaperIdentity.key(null, " ", null)).isEmpty();
        assertThat(PaperIdentity.paperId("arxiv:2312.00752")).isEqualTo(PaperIdentity.paperId("arxiv:2312.00752"))
                .hasSize(36);
    }

    @Test
    void arxivIdsAreFoundInUrlsWithoutVersionSuffix() {
        assertThat(PaperIdentity.arxivIdIn("https://arxiv.org/abs/2503.11646v2")).contains("2503.11646");
        assertThat(PaperIdentity.arxivIdIn("https://arxiv.org/pdf/1706.03762")).contains("1706.03762");
        assertThat(PaperIdentity.arxivIdIn("2106.09685")).contains("2106.09685");
        assertThat(PaperIdentity.arxivIdIn("https://example.com/2106.09685")).isEmpty();
    }

    @Test
    void everyTopicHasADeadLetterTopicAndCompactionOnlyWhereItIsATable() {
        assertThat(Topics.allNames()).containsExactly("ronbun.summaries.v1", "ronbun.summaries.v1.dlq",
                "ronbun.papers.v1", "ronbun.papers.v1.dlq", "ronbun.reading-events.v1", "ronbun.reading-events.v1.dlq",
                "ronbun.document-retractions.v1", "ronbun.document-retractions.v1.dlq");
        assertThat(Topics.PAPERS.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.DOCUMENT_RETRACTIONS.cleanupPolicy()).isEqualTo("compact");
        assertThat(new TopicsConfigSource().getValue("ronbun.topic.document-retractions"))
                .isEqualTo("ronbun.document-retractions.v1");
        assertThat(Topics.SUMMARIES.cleanupPolicy()).isEqualTo("delete");
        assertThat(new TopicsConfigSource().getValue("ronbun.topic.papers.dlq")).isEqualTo("ronbun.papers.v1.dlq");
    }

    @Test
    void aRetractionRoundTripsAndOneWithoutADocumentHashOrTimeIsRejectedWithTheReason() {
        DocumentRetraction retraction = new DocumentRetraction(DocumentRetraction.SCHEMA_VERSION, "ab".repeat(32),
                List.of("arxiv:2312.00752"), Instant.parse("2026-03-01T09:00:00Z"));

        assertThat(EventJson.readRetraction(EventJson.write(retraction))).isEqualTo(retraction);
        assertThatThrownBy(() -> EventJson.readRetraction(
                "{\"schemaVersion\":1,\"documentId\":\"../etc\",\"retractedAt\":\"2026-03-01T09:00:00Z\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> EventJson.readRetraction("{\"schemaVersion\":1,\"documentId\":\"" + "ab".repeat(32)
                + "\"}")).isInstanceOf(InvalidEventException.class).hasMessageContaining("retractedAt");
        assertThatThrownBy(() -> EventJson.readRetraction("{\"schemaVersion\":2,\"documentId\":\"" + "ab".repeat(32)
                + "\",\"retractedAt\":\"2026-03-01T09:00:00Z\"}")).isInstanceOf(InvalidEventException.class);
    }
}
