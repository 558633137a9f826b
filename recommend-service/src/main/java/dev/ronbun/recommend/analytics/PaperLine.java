package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A paper as the analytics list it: enough for one line that links to the paper page. */
public record PaperLine(String paperId, String title, String titleJa, String kind, List<String> keywords,
                        LocalDate sourceDate) {

    static final int KEYWORDS_SHOWN = 6;

    public static PaperLine of(PaperEvent paper) {
        return new PaperLine(paper.paperId(), paper.title(), paper.titleJa(), paper.kind(),
                paper.keywords().stream().map(Keyword::term).limit(KEYWORDS_SHOWN).toList(),
                paper.summaries().stream().map(PaperSummary::sourceDate).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null));
    }
}
