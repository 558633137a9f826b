package dev.ronbun.recommend.index;

import java.time.Instant;
import org.apache.lucene.search.Query;

/**
 * Which papers a list, search or ranking may draw from (a filter, "first seen since"), as the index evaluates it;
 * opaque to its callers so that no query type leaves the index. A null set, where one is accepted, means all papers.
 */
public final class PaperSet {

    private final Query query;

    private PaperSet(Query query) {
        this.query = query;
    }

    static PaperSet of(Query query) {
        return new PaperSet(query);
    }

    /** The papers first seen at or after {@code from}. */
    public static PaperSet firstSeenSince(Instant from) {
        return new PaperSet(PaperQueries.firstSeenBetween(from, null));
    }

    /** Papers in both sets, where null means all papers; null when neither restricts. */
    public static PaperSet both(PaperSet a, PaperSet b) {
        Query both = PaperQueries.both(query(a), query(b));
        return both == null ? null : new PaperSet(both);
    }

    /** The query of a set; null for all papers (a null set). */
    static Query query(PaperSet set) {
        return set == null ? null : set.query;
    }
}
