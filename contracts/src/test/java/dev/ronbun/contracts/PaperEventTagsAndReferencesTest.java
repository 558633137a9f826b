package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags and references were added to v1 of the paper event: additive, optional, read by old and new readers. */
class PaperEventTagsAndReferencesTest {

    private static PaperEvent paper(List<String> tags, List<Reference> references) {
        return new PaperEvent(1, PaperIdentity.paperId("arxiv:2205.14135"), "arxiv:2205.14135", "FlashAttention",
                null, "2205.14135", List.of(), List.of(), "paper",
                List.of(new PaperSummary("d#0", "d", "d.md", "paper-notes", null, null, "要約", List.of(), "本文")),
                List.of(), new PaperEmbedding("m", "v", new float[] {1f}), Instant.EPOCH, Instant.EPOCH,
                tags, references);
    }

    @Test
    void tagsAndReferencesSurviveTheWire() {
        PaperEvent event = paper(List.of("attention", "GPU"),
                List.of(new Reference("FlashAttention-2", "2307.08691", null)));

        PaperEvent read = EventJson.readPaper(EventJson.write(event));

        assertThat(read.tags()).containsExactly("attention", "GPU");
        assertThat(read.references()).containsExactly(new Reference("FlashAttention-2", "2307.08691", null));
    }

    @Test
    void anEventWrittenBeforeTheFieldsExistedStillReads() {
        String json = EventJson.write(paper(List.of("x"), List.of()))
                .replace(",\"tags\":[\"x\"]", "").replace(",\"references\":[]", "");
        assertThat(json).doesNotContain("\"tags\"").doesNotContain("\"references\"");

        PaperEvent read = EventJson.readPaper(json);

        assertThat(read.tags()).isEmpty();
        assertThat(read.references()).isEmpty();
        assertThat(read.title()).isEqualTo("FlashAttention");
    }

    @Test
    void theSchemaHasTheOptionalFields() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/paper-event.v1.json")) {
            schema = EventJson.mapper().readTree(in);
        }

        assertThat(schema.at("/properties/tags/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/references/items/$ref").asText()).isEqualTo("#/$defs/reference");
        assertThat(schema.at("/$defs/reference/properties/arxivId/pattern").asText()).isEqualTo("^\\d{4}\\.\\d{4,5}$");
        assertThat(schema.get("required").toString()).doesNotContain("tags").doesNotContain("references");
    }
}
