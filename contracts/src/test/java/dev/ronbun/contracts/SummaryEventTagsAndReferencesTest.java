package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags and references were added to v1 of the summary event: additive, optional, read by old and new readers. */
class SummaryEventTagsAndReferencesTest {

    private static SummaryEvent event(List<String> tags, List<Reference> references) {
        return new SummaryEvent(1, "arxiv:2205.14135", "b".repeat(64), "2023-02-14-flashattention.md", 0,
                "paper-notes", "FlashAttention", null, "2205.14135", List.of(), List.of(), "hanako", "paper",
                LocalDate.of(2023, 2, 14), "要約", List.of(new Section("1. どんなもの？", "要約")), "本文",
                Instant.parse("2026-01-13T10:00:00Z"), tags, references);
    }

    @Test
    void tagsAndReferencesSurviveTheWire() {
        SummaryEvent event = event(List.of("attention", "GPU"), List.of(
                new Reference("FlashAttention-2", "2307.08691", "https://arxiv.org/abs/2307.08691"),
                new Reference(null, "2112.05682", null)));

        String json = EventJson.write(event);

        assertThat(json).contains("\"tags\":[\"attention\",\"GPU\"]").contains("\"arxivId\":\"2307.08691\"");
        assertThat(EventJson.readSummary(json)).isEqualTo(event);
    }

    @Test
    void anEventWrittenBeforeTheFieldsExistedReadsWithEmptyLists() {
        String json = EventJson.write(event(List.of("x"), List.of()))
                .replace(",\"tags\":[\"x\"]", "").replace(",\"references\":[]", "");
        assertThat(json).doesNotContain("tags").doesNotContain("references");

        SummaryEvent read = EventJson.readSummary(json);

        assertThat(read.tags()).isEmpty();
        assertThat(read.references()).isEmpty();
    }

    @Test
    void theOldConstructorStillBuildsAnEventWithoutTagsOrReferences() {
        SummaryEvent event = new SummaryEvent(1, "title:x", "c".repeat(64), "x.md", 0, "generic", "X", null, null,
                null, null, null, "paper", null, null, null, "", Instant.EPOCH);

        assertThat(event.tags()).isEmpty();
        assertThat(event.references()).isEmpty();
    }

    @Test
    void aNullReferenceIsRefusedWithAReason() {
        String json = EventJson.write(event(List.of(), List.of())).replace("\"references\":[]", "\"references\":[null]");

        assertThatThrownBy(() -> EventJson.readSummary(json)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void theSchemaDescribesTheNewFormatAndTheOptionalFields() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/summary-event.v1.json")) {
            schema = EventJson.mapper().readTree(in);
        }

        assertThat(schema.at("/properties/format/enum").toString()).contains("\"paper-notes\"");
        assertThat(schema.at("/properties/tags/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/references/items/$ref").asText()).isEqualTo("#/$defs/reference");
        assertThat(schema.at("/$defs/reference/properties/arxivId/pattern").asText()).isEqualTo("^\\d{4}\\.\\d{4,5}$");
        assertThat(schema.get("required").toString()).doesNotContain("tags").doesNotContain("references");
    }
}
