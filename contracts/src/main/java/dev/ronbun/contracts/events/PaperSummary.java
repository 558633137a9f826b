package dev.ronbun.contracts.events;

import java.time.LocalDate;
import java.util.List;

/** One summary of a stored paper, as carried on {@code ronbun.papers.v1}. */
public record PaperSummary(
        String summaryId,
        String documentId,
        String documentName,
        String format,
        String presenter,
        LocalDate sourceDate,
        String summary,
        List<Section> sections,
        String body) {

    public PaperSummary {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
