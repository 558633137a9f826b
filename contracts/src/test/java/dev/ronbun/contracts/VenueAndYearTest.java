package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.SummaryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Venue and year were added to v1 of the summary and paper events: additive, optional, read by old and new readers. */
class VenueAndYearTest {

    private static SummaryEvent summary(String venue, Integer year) {
        return new SummaryEvent(1, "arxiv:2205.14135", "b".repeat(64), "flashattention.md", 0, "paper-notes",
                "FlashAttention", null, "2205.14135", List.of(), List.of("Tri Dao"), null, "paper", null, "要約",
                List.of(), "本文", Instant.parse("2026-01-13T10:00:00Z"), List.of(), List.of(), venue, year);
    }

    private static PaperEvent paper(String venue, Integer year) {
        return new PaperEvent(1, PaperIdentity.paperId("arxiv:2205.14135"), "arxiv:2205.14135", "FlashAttention",
                null, "2205.14135", List.of(), List.of("Tri Dao"), "paper",
                List.of(new PaperSummary("d#0", "d", "d.md", "paper-notes", null, null, "要約", List.of(), "本文")),
                List.of(), new PaperEmbedding("m", "v", new float[] {1f}), Instant.EPOCH, Instant.EPOCH,
                List.of(), List.of(), venue, year);
    }

    @Test
    void venueAndYearSurviveTheWireOnBothEvents() {
        SummaryEvent summary = summary("NeurIPS", 2022);
        PaperEvent paper = paper("NeurIPS", 2022);

        String summaryJson = EventJson.write(summary);
        PaperEvent readPaper = EventJson.readPaper(EventJson.write(paper));

        assertThat(summaryJson).contains("\"venue\":\"NeurIPS\"").contains("\"year\":2022");
        assertThat(EventJson.readSummary(summaryJson)).isEqualTo(summary);
        assertThat(readPaper.venue()).isEqualTo("NeurIPS");
        assertThat(readPaper.year()).isEqualTo(2022);
    }

    @Test
    void eventsWrittenBeforeTheFieldsExistedReadWithoutThem() {
        String summaryJson = EventJson.write(summary(null, null)).replace(",\"venue\":null,\"year\":null", "");
        String paperJson = EventJson.write(paper(null, null)).replace(",\"venue\":null,\"year\":null", "");
        assertThat(summaryJson + paperJson).doesNotContain("venue").doesNotContain("\"year\"");

        assertThat(EventJson.readSummary(summaryJson).venue()).isNull();
        assertThat(EventJson.readSummary(summaryJson).year()).isNull();
        assertThat(EventJson.readPaper(paperJson).venue()).isNull();
        assertThat(EventJson.readPaper(paperJson).year()).isNull();
    }

    @Test
    void theOlderConstructorsBuildEventsWithoutVenueOrYear() {
        SummaryEvent summary = new SummaryEvent(1, "title:x", "c".repeat(64), "x.md", 0, "generic", "X", null, null,
                null, null, null, "paper", null, null, null, "", Instant.EPOCH, List.of("t"), List.of());

        assertThat(summary.venue()).isNull();
        assertThat(summary.year()).isNull();
        assertThat(summary.tags()).containsExactly("t");
    }

    @Test
    void bothSchemasDescribeTheOptionalFields() throws IOException {
        for (String schemaName : List.of("summary-event.v1.json", "paper-event.v1.json")) {
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + schemaName)) {
                schema = EventJson.mapper().readTree(in);
            }

            assertThat(schema.at("/properties/venue/type").toString()).as(schemaName).contains("string");
            assertThat(schema.at("/properties/year/type").toString()).as(schemaName).contains("integer");
            assertThat(schema.get("required").toString()).as(schemaName).doesNotContain("venue").doesNotContain("year");
        }
    }
}
