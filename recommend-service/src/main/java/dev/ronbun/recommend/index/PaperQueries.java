package dev.ronbun.recommend.index;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/** The Lucene queries over {@link PaperDocuments} fields that the index's read side combines. */
final class PaperQueries {

    private PaperQueries() {
    }

    /**
     * The given papers and every other record of the same works: same id, same arXiv id or same normalised title.
     * A paper summarised in two documents without a shared identifier can end up as two records; neither should be
     * recommended as related to the other.
     */
    static Query sameWorkAs(Collection<PaperEvent> papers, Collection<String> moreIds) {
        Set<BytesRef> ids = new LinkedHashSet<>();
        Set<BytesRef> arxivIds = new LinkedHashSet<>();
        Set<BytesRef> titles = new LinkedHashSet<>();
        moreIds.forEach(id -> ids.add(new BytesRef(id)));
        for (PaperEvent paper : papers) {
            ids.add(new BytesRef(paper.paperId()));
            if (paper.arxivId() != null && !paper.arxivId().isBlank()) {
                arxivIds.add(new BytesRef(paper.arxivId().strip()));
            }
            PaperDocuments.workTitles(paper).forEach(title -> titles.add(new BytesRef(title)));
        }
        if (ids.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermInSetQuery(PaperDocuments.ID, ids), Occur.SHOULD);
        if (!arxivIds.isEmpty()) {
            query.add(new TermInSetQuery(PaperDocuments.ARXIV, arxivIds), Occur.SHOULD);
        }
        if (!titles.isEmpty()) {
            query.add(new TermInSetQuery(PaperDocuments.WORK_TITLE, titles), Occur.SHOULD);
        }
        return query.build();
    }

    /** Papers that name this one as next to read or as a key reference. */
    static Query naming(PaperEvent paper) {
        Set<BytesRef> keys = new LinkedHashSet<>();
        ReferenceKeys.ofPaper(paper).forEach(key -> keys.add(new BytesRef(key)));
        return keys.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(PaperDocuments.REFERENCE_KEY, keys);
    }

    /** Papers a reference names: by the arXiv id it gives (or its link gives) or by its normalised title. */
    static Query namedBy(Reference reference) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        Optional<String> arxivId = ReferenceKeys.arxivId(reference);
        if (arxivId.isPresent()) {
            query.add(new TermQuery(new Term(PaperDocuments.ARXIV, arxivId.get())), Occur.SHOULD);
            any = true;
        }
        String title = PaperIdentity.normaliseTitle(reference.title());
        if (!title.isEmpty()) {
            query.add(new TermQuery(new Term(PaperDocuments.WORK_TITLE, title)), Occur.SHOULD);
            any = true;
        }
        return any ? query.build() : new MatchNoDocsQuery();
    }

    /** Papers first seen in {@code [from, to)}; either end may be null. */
    static Query firstSeenBetween(Instant from, Instant to) {
        long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
        return LongPoint.newRangeQuery(PaperDocuments.FIRST_SEEN_POINT, lower, upper);
    }

    /** The papers with these ids. */
    static Query ids(Collection<String> paperIds) {
        Set<BytesRef> ids = new LinkedHashSet<>();
        paperIds.forEach(id -> ids.add(new BytesRef(id)));
        return ids.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(PaperDocuments.ID, ids);
    }

    /** A scoring query (BM25) restricted to what a filter lets through, without the filter changing scores. */
    static Query scoredWithin(Query scoring, Query filter) {
        return new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /** Papers whose vector was made by this embedding model version. */
    static Query model(String modelVersion) {
        return new TermQuery(new Term(PaperDocuments.MODEL, modelVersion));
    }

    /** {@code base} without the papers {@code excluded} matches. */
    static Query excluding(Query base, Query excluded) {
        return new BooleanQuery.Builder().add(base, Occur.MUST).add(excluded, Occur.MUST_NOT).build();
    }

    /** Both restrictions, where null means "no restriction"; null when neither restricts. */
    static Query both(Query a, Query b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : allOf(a, b);
    }

    /** Documents that match every one of the queries (as filters: they do not score). */
    static Query allOf(Query... queries) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query q : queries) {
            query.add(q, Occur.FILTER);
        }
        return query.build();
    }

    /**
     * BM25 over title, text and keywords for a free-text query, analysed by the same Kuromoji settings as the index.
     * Empty when the query has no searchable term (only particles or punctuation).
     */
    static Optional<Query> text(Analyzer analyzer, String text) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (Map.Entry<String, Float> field : List.of(Map.entry(PaperDocuments.TITLE, 2f),
                Map.entry(PaperDocuments.TEXT, 1f), Map.entry(PaperDocuments.KEYWORDS, 1.5f))) {
            Query fieldQuery = builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (fieldQuery != null) {
                query.add(new BoostQuery(fieldQuery, field.getValue()), Occur.SHOULD);
                any = true;
            }
        }
        return any ? Optional.of(query.build()) : Optional.empty();
    }
}
