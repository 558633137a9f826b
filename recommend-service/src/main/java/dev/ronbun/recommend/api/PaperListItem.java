package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A paper as listed: enough to show a line and link to it. */
public record PaperListItem(String paperId, String title, String titleJa, String arxivId, String kind,
                            List<String> authors, List<String> keywords, List<String> presenters,
                            LocalDate sourceDate, int summaryCount, Instant firstSeenAt, List<String> tags) {

    static PaperListItem of(PaperEvent paper) {
        return new PaperListItem(paper.paperId(), paper.title(), paper.titleJa(), paper.arxivId(), paper.kind(),
                paper.authors(), paper.keywords().stream().map(Keyword::term).limit(8).toList(),
                paper.summaries().stream().map(PaperSummary::presenter).filter(Objects::nonNull).distinct().toList(),
                paper.summaries().stream().map(PaperSummary::sourceDate).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null),
                paper.summaries().size(), paper.firstSeenAt(), paper.tags());
    }
}
