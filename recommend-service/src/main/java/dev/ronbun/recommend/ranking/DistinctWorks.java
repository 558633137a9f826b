package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps one record per work in a ranked list: a paper summarised in two documents, one with its arXiv link and one
 * without, is stored as two records (same title, different ids) and should be shown once, at its better place.
 */
public final class DistinctWorks {

    /** How many extra candidates a ranking picks so that dropping duplicates still leaves k. */
    static final int SPARE = 5;

    private DistinctWorks() {
    }

    /**
     * One page of works from ranked paper ids, each work at its best record's place. Listings are read a slice at a
     * time down the ranking until the page is full, so a page costs about its own size in reads, not the ranking's.
     *
     * @param listings the listings of some ids (absent: no longer indexed)
     */
    public static List<PaperEvent> page(List<String> rankedIds, Function<List<String>, Map<String, PaperEvent>> listings,
                                        int page, int size) {
        int wanted = (page + 1) * size;
        int slice = Math.max(size, 20);
        Set<String> seen = new HashSet<>();
        List<PaperEvent> distinct = new ArrayList<>();
        for (int from = 0; from < rankedIds.size() && distinct.size() < wanted; from += slice) {
            List<String> ids = rankedIds.subList(from, Math.min(rankedIds.size(), from + slice));
            Map<String, PaperEvent> found = listings.apply(ids);
            for (String id : ids) {
                PaperEvent paper = found.get(id);
                if (paper != null && distinct.size() < wanted && isNew(paper, seen)) {
                    distinct.add(paper);
                }
            }
        }
        return List.copyOf(distinct.subList(Math.min(distinct.size(), page * size), distinct.size()));
    }

    static List<Recommendation> firstOfEach(List<Recommendation> ranked, int k) {
        Set<String> seen = new HashSet<>();
        List<Recommendation> distinct = new ArrayList<>();
        for (Recommendation recommendation : ranked) {
            if (distinct.size() == k) {
                break;
            }
            if (isNew(recommendation.paper(), seen)) {
                distinct.add(recommendation);
            }
        }
        return distinct;
    }

    /** True when no record of this paper's work was seen yet; either way its work counts as seen from now on. */
    private static boolean isNew(PaperEvent paper, Set<String> seen) {
        List<String> keys = keys(paper);
        boolean unseen = keys.stream().noneMatch(seen::contains);
        seen.addAll(keys);
        return unseen;
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
