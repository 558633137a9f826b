package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps one record per work in a ranked list: a paper summarised in two documents, one with its arXiv link and one
 * without, is stored as two records (same title, different ids) and should be shown once, at its better place.
 * embed-service merges such records as they arrive (issue 19); this covers records indexed before that, and applies
 * the same rule: equal work title keys ({@link PaperIdentity#workTitleKeys}: whole titles long enough not to be
 * generic, per kind), and never two different arXiv ids.
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

    /**
     * True when no record of this paper's work was seen yet; either way its work counts as seen from now on. Records
     * with arXiv ids are compared by title only with records without one, and such a record stands for one arXiv id
     * at most: two arXiv ids are two works.
     */
    private static boolean isNew(PaperEvent paper, Set<String> seen) {
        String arxiv = paper.arxivId() == null || paper.arxivId().isBlank() ? null : paper.arxivId().strip();
        if (!seen.add("id:" + paper.paperId()) || (arxiv != null && !seen.add("arxiv:" + arxiv))) {
            return false;
        }
        boolean unseen = true;
        for (String title : PaperIdentity.workTitleKeys(paper.kind(), paper.title(), paper.titleJa())) {
            if (arxiv == null) {
                unseen &= !seen.contains("linked " + title) && !seen.contains("unlinked " + title);
                seen.add("unlinked " + title);
            } else {
                boolean absorbed = seen.contains("unlinked " + title)
                        && (!seen.contains("absorbed " + title) || seen.contains("absorbed " + title + " " + arxiv));
                if (absorbed) {
                    seen.add("absorbed " + title);
                    seen.add("absorbed " + title + " " + arxiv);
                }
                unseen &= !absorbed;
                seen.add("linked " + title);
            }
        }
        return unseen;
    }
}
