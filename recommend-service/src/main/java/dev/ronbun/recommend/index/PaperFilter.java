package dev.ronbun.recommend.index;

import java.time.LocalDate;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The filters every list, search and recommendation accepts; null means "any".
 *
 * @param tag one of the writer's tags, compared case-insensitively
 */
public record PaperFilter(String kind, String format, String presenter, LocalDate from, LocalDate to, String tag) {

    public static final PaperFilter NONE = new PaperFilter(null, null, null, null, null, null);

    /** A filter without a tag. */
    public PaperFilter(String kind, String format, String presenter, LocalDate from, LocalDate to) {
        this(kind, format, presenter, from, to, null);
    }

    /** True when the filter lets every paper through. */
    public boolean isEmpty() {
        return kind == null && format == null && presenter == null && from == null && to == null && tag == null;
    }

    /** The papers this filter lets through. */
    public PaperSet papers() {
        return PaperSet.of(toQuery());
    }

    Query toQuery() {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        if (kind != null) {
            query.add(new TermQuery(new Term(PaperDocuments.KIND, kind)), Occur.FILTER);
        }
        if (format != null) {
            query.add(new TermQuery(new Term(PaperDocuments.FORMAT, format)), Occur.FILTER);
        }
        if (presenter != null) {
            query.add(new TermQuery(new Term(PaperDocuments.PRESENTER, presenter)), Occur.FILTER);
        }
        if (tag != null) {
            query.add(new TermQuery(new Term(PaperDocuments.TAG, ReferenceKeys.tag(tag))), Occur.FILTER);
        }
        if (from != null || to != null) {
            long lower = from == null ? Long.MIN_VALUE : from.toEpochDay();
            long upper = to == null ? Long.MAX_VALUE : to.toEpochDay();
            query.add(LongPoint.newRangeQuery(PaperDocuments.SOURCE_DAY, lower, upper), Occur.FILTER);
        }
        return query.build();
    }
}
