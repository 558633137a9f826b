package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * What searches' hits are turned into: whole papers, listings or {@link ScoredPaper}s, read segment by segment
 * (see {@link SegmentFields}); shared by the index's read side and by its writer, which reads before it writes.
 */
final class IndexHits {

    private static final float[] NO_VECTOR = new float[0];

    private IndexHits() {
    }

    /** A search for the best n hits among those a filter lets through (null: no filter). */
    @FunctionalInterface
    interface FilteredSearch {
        TopDocs run(Query filter, int n) throws IOException;
    }

    static Sort newestFirst() {
        return new Sort(new SortField(PaperDocuments.FIRST_SEEN, SortField.Type.LONG, true), SortField.FIELD_DOC);
    }

    /**
     * The best k hits of a search, never the excluded ids. Without a filter, the few excluded papers (the source and
     * other records of its work, or what a reader has seen) are dropped from a slightly longer result instead of being
     * filtered out: a filter on their ids and titles costs a term lookup in every segment, and for vector search a
     * pass over every document. With a query vector, scores become exact cosines (see {@link #collect}).
     */
    static List<ScoredPaper> bestWithout(IndexSearcher searcher, int k, Query filter, Set<String> excludedIds,
                                         float[] queryVector, FilteredSearch search) throws IOException {
        if (filter == null) {
            return collect(searcher, search.run(null, k + excludedIds.size()), queryVector).stream()
                    .filter(hit -> !excludedIds.contains(hit.paperId())).limit(k).toList();
        }
        Query allowed = excludedIds.isEmpty() ? filter
                : PaperQueries.excluding(filter, PaperQueries.ids(excludedIds));
        return collect(searcher, search.run(allowed, k), queryVector);
    }

    /**
     * The k best papers for a query, by its own scoring, among those the filter lets through (null: all) and never
     * the excluded ids (see {@link #bestWithout}).
     */
    static List<ScoredPaper> bestScored(IndexSearcher searcher, Query query, int k, Query filter,
                                        Set<String> excludedIds) throws IOException {
        return bestWithout(searcher, k, filter, excludedIds, null, (allowed, n) ->
                searcher.search(allowed == null ? query : PaperQueries.scoredWithin(query, allowed), Math.max(1, n)));
    }

    /** The full events behind the hits, vectors as embedded put back, in hit order. */
    static List<PaperEvent> load(IndexSearcher searcher, TopDocs hits) throws IOException {
        PaperEvent[] papers = new PaperEvent[hits.scoreDocs.length];
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) ->
                papers[hit] = withEmbedded(searcher, PaperDocuments.fromStored(fields.storedEvent(doc), NO_VECTOR),
                        fields, doc));
        return present(papers);
    }

    /** The listings behind the hits (see {@link PaperIndexReader#listings}), vectors as embedded, in hit order. */
    static List<PaperEvent> loadListings(IndexSearcher searcher, TopDocs hits) throws IOException {
        PaperEvent[] papers = new PaperEvent[hits.scoreDocs.length];
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) -> {
            BytesRef listing = fields.listing(doc);
            if (listing != null) {
                papers[hit] = withEmbedded(searcher, PaperDocuments.fromJson(listing, NO_VECTOR), fields, doc);
            }
        });
        return present(papers);
    }

    /** Every paper the query matches, whole, in index order. */
    static void visitPapers(IndexSearcher searcher, Query query, PaperVisitor visitor) throws IOException {
        SegmentFields.visitMatching(searcher, query, (fields, doc) -> visitor.visit(
                withEmbedded(searcher, PaperDocuments.fromStored(fields.storedEvent(doc), NO_VECTOR), fields, doc)));
    }

    /** What to do with each paper {@link #visitPapers} reads. */
    @FunctionalInterface
    interface PaperVisitor {
        void visit(PaperEvent paper) throws IOException;
    }

    /** A paper read without its vector, given its vector as embedded, through the mean the searcher's state has. */
    private static PaperEvent withEmbedded(IndexSearcher searcher, PaperEvent paper, SegmentFields fields, int doc)
            throws IOException {
        VectorCentre centre = ((CentredSearcher) searcher).centres().of(PaperDocuments.modelOf(paper));
        return PaperDocuments.withVector(paper, fields.embedded(doc, centre));
    }

    /**
     * Id and vector of each hit, read from doc values and the vector file (no stored fields to decompress), the
     * vector as stored: centred (see {@link PaperIndexReader#centre()}). With a query vector, centred too, each score
     * becomes the exact cosine of the centred vectors (the HNSW score is a rescaled, possibly quantised approximation
     * of it).
     */
    static List<ScoredPaper> collect(IndexSearcher searcher, TopDocs hits, float[] queryVector) throws IOException {
        ScoredPaper[] papers = new ScoredPaper[hits.scoreDocs.length];
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) -> {
            String paperId = fields.id(doc);
            if (paperId != null) {
                float[] vector = fields.vector(doc);
                float score = queryVector != null && vector.length == queryVector.length
                        ? UnitVectors.similarity(queryVector, vector) : hits.scoreDocs[hit].score;
                papers[hit] = new ScoredPaper(paperId, vector, score);
            }
        });
        return present(papers);
    }

    /** The elements that are there, in order (a hit whose document was deleted has none). */
    private static <T> List<T> present(T[] elements) {
        List<T> present = new ArrayList<>(elements.length);
        for (T element : elements) {
            if (element != null) {
                present.add(element);
            }
        }
        return present;
    }
}
