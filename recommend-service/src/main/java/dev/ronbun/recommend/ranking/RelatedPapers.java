package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.ScoredPaper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Related work for a paper: the nearest other papers by vector, explained by the keywords they share. */
@ApplicationScoped
public class RelatedPapers {

    private static final int KEYWORDS_IN_EXPLANATION = 3;

    private final PaperIndex index;

    public RelatedPapers(PaperIndex index) {
        this.index = index;
    }

    /** Empty when the paper is unknown. */
    public Optional<List<RelatedPaper>> relatedTo(String paperId, int k) {
        return index.get(paperId).map(paper -> index
                .nearest(paper.embedding().vector(), k, PaperFilter.NONE.excluding(paperId)).stream()
                .map(hit -> explain(paper, hit))
                .toList());
    }

    private static RelatedPaper explain(PaperEvent source, ScoredPaper hit) {
        // Lucene scores DOT_PRODUCT as (1 + cosine) / 2; report the cosine itself.
        double cosine = 2.0 * hit.score() - 1.0;
        PaperEvent other = hit.paper();
        return new RelatedPaper(other.paperId(), other.title(), other.titleJa(), other.arxivId(), cosine,
                Map.of("vector", cosine), why(source, other));
    }

    static String why(PaperEvent source, PaperEvent other) {
        Set<String> sourceTerms = source.keywords().stream().map(Keyword::term).collect(Collectors.toSet());
        Set<String> shared = new LinkedHashSet<>();
        for (Keyword keyword : other.keywords()) {
            if (sourceTerms.contains(keyword.term())) {
                shared.add(keyword.term());
            }
        }
        if (shared.isEmpty()) {
            return "内容が近い論文 (content similar to this paper)";
        }
        return "共通キーワード: " + shared.stream().limit(KEYWORDS_IN_EXPLANATION).collect(Collectors.joining(", "));
    }
}
