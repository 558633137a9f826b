package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Former ids were added to v1 of the paper event (issue 19): additive, optional, read by old and new readers. */
class PaperEventFormerIdsTest {

    private static final String TITLE_KEYED = PaperIdentity.paperId("title:qlora efficient finetuning of quantized llms");

    private static PaperEvent paper(List<String> formerIds) {
        return new PaperEvent(1, PaperIdentity.paperId("arxiv:2305.14314"), "arxiv:2305.14314",
                "QLoRA: Efficient Finetuning of Quantized LLMs", null, "2305.14314", List.of(), List.of(), "paper",
                List.of(new PaperSummary("d#0", "d", "d.md", "structured-summary", null, null, "要約", List.of(), "本文")),
                List.of(), new PaperEmbedding("m", "v", new float[] {1f}), Instant.EPOCH, Instant.EPOCH,
                List.of(), List.of(), formerIds);
    }

    @Test
    void formerIdsSurviveTheWire() {
        assertThat(EventJson.readPaper(EventJson.write(paper(List.of(TITLE_KEYED)))).formerIds())
                .containsExactly(TITLE_KEYED);
    }

    @Test
    void anEventWrittenBeforeTheFieldExistedReadsAsMergedFromNothing() {
        String json = EventJson.write(paper(List.of())).replace(",\"formerIds\":[]", "");
        assertThat(json).doesNotContain("formerIds");

        assertThat(EventJson.readPaper(json).formerIds()).isEmpty();
    }

    @Test
    void theSchemaHasTheOptionalField() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/paper-event.v1.json")) {
            schema = EventJson.mapper().readTree(in);
        }

        assertThat(schema.at("/properties/formerIds/items/format").asText()).isEqualTo("uuid");
        assertThat(schema.get("required").toString()).doesNotContain("formerIds");
    }
}
