package dev.ronbun.recommend.index;

import java.util.Set;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Which papers a reader's candidates may come from: the restriction (null: all papers) without the works the reader
 * has seen, and, when the index mixes embedding models, only vectors of the current one. Made by
 * {@link PaperCandidates#readerScope}.
 */
public final class ReaderScope {

    private final Query restriction;
    private final Query sameWork;
    private final Set<String> seenIds;
    private final Query modelRestriction;

    ReaderScope(Query restriction, Query sameWork, Set<String> seenIds, Query modelRestriction) {
        this.restriction = restriction;
        this.sameWork = sameWork;
        this.seenIds = seenIds;
        this.modelRestriction = modelRestriction;
    }

    /** The ids of the papers the reader has seen and of the other records of their works. */
    public Set<String> seenIds() {
        return seenIds;
    }

    /** True when every indexed paper has a vector of the current model (see {@link SignalHits#oneModel}). */
    public boolean oneModel() {
        return modelRestriction == null;
    }

    Query restriction() {
        return restriction;
    }

    /** Every paper that may be recommended, as one query. */
    Query allowed() {
        return PaperQueries.excluding(restriction == null ? new MatchAllDocsQuery() : restriction, sameWork);
    }

    /** For vector queries: null when only the seen papers must go, which are then dropped from the results. */
    Query vectorFilter() {
        return PaperQueries.both(restriction, modelRestriction);
    }
}
