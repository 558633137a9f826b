package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Section;
import java.util.List;
import java.util.UUID;

/**
 * The text of a stored summary, as its document gave it: what a re-embed feeds a new model, and what a retraction
 * counts the remaining summaries' terms from.
 */
public record StoredSummary(String summaryId, UUID paperId, String title, String titleJa, String summary,
                            List<Section> sections, String body, String presenter) {

    static StoredSummary of(SummaryEntity s) {
        return new StoredSummary(s.summaryId, s.paperId, s.title, s.titleJa, s.summary, List.copyOf(s.sections), s.body,
                s.presenter);
    }
}
