package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one mapping from a parsed paper to its event carries every field; a field added to one and not the other fails. */
class ParsedPaperEventTest {

    private static final ParsedPaper PAPER = new ParsedPaper("LoRA", "低ランク適応", "2106.09685",
            List.of("https://arxiv.org/abs/2106.09685"), List.of("Edward Hu"), "佐藤", "paper", LocalDate.parse("2026-01-13"),
            DocumentFormat.PAPER_NOTES, "要約", List.of(new Section("どんなもの？", "微調整。")), "本文", List.of("LLM"),
            List.of(new Reference("QLoRA", "2305.14314", null)), "ICLR", 2022);

    @Test
    void everyFieldOfTheParsedPaperArrivesUnderItsNameInTheEvent() throws Exception {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        SummaryEvent event = PAPER.toSummaryEvent("arxiv:2106.09685", "a".repeat(64), "lora.md", 3, at);
        Map<String, RecordComponent> eventFields = Arrays.stream(SummaryEvent.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));

        for (RecordComponent field : ParsedPaper.class.getRecordComponents()) {
            assertThat(eventFields).as("SummaryEvent has %s", field.getName()).containsKey(field.getName());
            Object parsed = field.getAccessor().invoke(PAPER);
            Object published = eventFields.get(field.getName()).getAccessor().invoke(event);
            assertThat(published).as(field.getName())
                    .isEqualTo(parsed instanceof DocumentFormat format ? format.wireName() : parsed);
        }
        assertThat(event.paperKey()).isEqualTo("arxiv:2106.09685");
        assertThat(event.documentId()).isEqualTo("a".repeat(64));
        assertThat(event.documentName()).isEqualTo("lora.md");
        assertThat(event.position()).isEqualTo(3);
        assertThat(event.ingestedAt()).isEqualTo(at);
        assertThat(event.schemaVersion()).isEqualTo(SummaryEvent.SCHEMA_VERSION);
    }
}
