package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one record per work in a ranked list: a paper summarised in two documents, one with its arXiv link and one
 * without, is stored as two records (same title, different ids) and should be shown once, at its better place.
 */
final class DistinctWorks {

    /** How many extra candidates a ranking picks so that dropping duplicates still leaves k. */
    static final int SPARE = 5;

    private DistinctWorks() {
    }

    static List<Recommendation> firstOfEach(List<Recommendation> ranked, int k) {
        Set<String> seen = new HashSet<>();
        List<Recommendation> distinct = new ArrayList<>();
        for (Recommendation recommendation : ranked) {
            if (distinct.size() == k) {
                break;
            }
            List<String> keys = keys(recommendation.paper());
            if (keys.stream().noneMatch(seen::contains)) {
                distinct.add(recommendation);
            }
            seen.addAll(keys);
        }
        return distinct;
    }

    private static List<String> keys(PaperEvent paper) {
        List<String> keys = new ArrayList<>();
        keys.add("id:" + paper.paperId());
        if (paper.arxivId() != null && !paper.arxivId().isBlank()) {
            keys.add("arxiv:" + paper.arxivId().strip());
        }
        PaperDocuments.workTitles(paper).forEach(title -> keys.add("title:" + title));
        return keys;
    }
}
