package dev.ronbun.recommend.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The per-document fields of one segment that results are made of (id, vector, listing), read from doc values and
 * the vector file. Doc values read only forwards, so {@link #visitInDocOrder} walks a search's hits in document order
 * and opens each segment's readers once, not once per hit; each field is opened only when first asked for.
 */
final class SegmentFields {

    private static final Set<String> EVENT_ONLY = Set.of(PaperDocuments.EVENT);

    private final LeafReader reader;
    private SortedDocValues ids;
    private BinaryDocValues listings;
    private FloatVectorValues vectors;
    private KnnVectorValues.DocIndexIterator sparseVectors;
    private boolean vectorsOpened;
    private NumericDocValues distances;
    private StoredFields stored;
    private boolean distancesOpened;

    private SegmentFields(LeafReader reader) {
        this.reader = reader;
    }

    /** What to do with each hit: its position among the hits, its segment's fields and its document there. */
    @FunctionalInterface
    interface HitVisitor {
        void visit(int hit, SegmentFields fields, int doc) throws IOException;
    }

    /** Calls the visitor for each hit of a search, in increasing document order. */
    static void visitInDocOrder(List<LeafReaderContext> leaves, ScoreDoc[] hits, HitVisitor visitor)
            throws IOException {
        long[] keyed = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            keyed[i] = ((long) hits[i].doc << 32) | i; // sorts by document, then by position; no boxing
        }
        Arrays.sort(keyed);
        LeafReaderContext leaf = null;
        SegmentFields fields = null;
        for (long key : keyed) {
            int hit = (int) key;
            int doc = (int) (key >>> 32);
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                fields = new SegmentFields(leaf.reader());
            }
            visitor.visit(hit, fields, doc - leaf.docBase);
        }
    }

    /** What to do with each live document a query matches: its segment's fields and its document there. */
    @FunctionalInterface
    interface MatchVisitor {
        void visit(SegmentFields fields, int doc) throws IOException;
    }

    /** Calls the visitor for every live document the query matches, segment by segment, in document order. */
    static void visitMatching(IndexSearcher searcher, Query query, MatchVisitor visitor) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(query)),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SegmentFields fields = new SegmentFields(leaf.reader());
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    visitor.visit(fields, doc);
                }
            }
        }
    }

    /** The stored fields of a document that hold its event (see {@link PaperDocuments#fromStored}). */
    Document storedEvent(int doc) throws IOException {
        if (stored == null) {
            stored = reader.storedFields();
        }
        return stored.document(doc, EVENT_ONLY);
    }

    /** The segment these fields are read from. */
    LeafReader reader() {
        return reader;
    }

    /** The paper id of a document; null for a deleted slot. */
    String id(int doc) throws IOException {
        if (ids == null) {
            ids = reader.getSortedDocValues(PaperDocuments.ID);
            if (ids == null) {
                return null;
            }
        }
        return ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : null;
    }

    /** The listing of a document (see {@link PaperDocuments#listing}); null when it has none. */
    BytesRef listing(int doc) throws IOException {
        if (listings == null) {
            listings = reader.getBinaryDocValues(PaperDocuments.LISTING);
            if (listings == null) {
                return null;
            }
        }
        return listings.advanceExact(doc) ? listings.binaryValue() : null;
    }

    /**
     * The document's vector as embedded: its stored vector given back through the mean it was centred on (see
     * {@link VectorCentre#embedded}), or as stored when it was not centred.
     */
    float[] embedded(int doc, VectorCentre centre) throws IOException {
        float[] stored = vector(doc);
        if (!distancesOpened) {
            distancesOpened = true;
            distances = reader.getNumericDocValues(PaperDocuments.CENTRE_DISTANCE);
        }
        if (distances == null || !distances.advanceExact(doc)) {
            return stored;
        }
        return centre.embedded(stored, Float.intBitsToFloat((int) distances.longValue()));
    }

    /** A copy of the document's vector as stored (centred, when its model has a mean); empty when it has none. */
    float[] vector(int doc) throws IOException {
        if (!vectorsOpened) {
            vectorsOpened = true;
            vectors = reader.getFloatVectorValues(PaperDocuments.VECTOR);
            // every document has a vector (the usual case): its ordinal is its document number
            sparseVectors = vectors == null || vectors.size() == reader.maxDoc() ? null : vectors.iterator();
        }
        if (vectors == null) {
            return new float[0];
        }
        if (sparseVectors == null) {
            return vectors.vectorValue(doc).clone();
        }
        if (sparseVectors.docID() < doc) {
            sparseVectors.advance(doc);
        }
        return sparseVectors.docID() == doc ? vectors.vectorValue(sparseVectors.index()).clone() : new float[0];
    }
}
