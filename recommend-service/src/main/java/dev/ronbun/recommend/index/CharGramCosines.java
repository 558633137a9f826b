package dev.ronbun.recommend.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.text.TfIdfWeighting;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Cosine similarity of TF-IDF vectors over character n-grams ({@link CharGramAnalyzer}), the recipe of
 * arxiv-sanity-lite: sub-linear term frequency {@code 1 + ln tf}, smoothed idf {@code 1 + ln((n + 1) / (df + 1))},
 * each paper's vector of unit length. Several papers are one query by the sum of their unit vectors (a reader's
 * papers, say). Indexed papers are read from their term vectors; a paper the index does not hold is analysed.
 * Computed only for the candidates other signals found, so its cost grows with the candidates, not the index.
 *
 * <p>One instance serves every query on one index reader ({@link #reads}), from any thread: the idf of each gram and
 * the unit vectors of recently compared papers are kept while the reader is current, since one related list compares
 * the same candidates many times (its own ranking and those of its best candidates) and reading term vectors and
 * document frequencies is most of its cost.
 */
final class CharGramCosines {

    /** Grams whose idf is kept; past this the memo starts again (an index's vocabulary of 1–3-grams can be large). */
    private static final int MOST_IDFS = 500_000;
    /** Papers whose unit vectors are kept (a few hundred grams each). */
    private static final int MOST_VECTORS = 500;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final IndexReader reader;
    private final int docs;
    private final Map<String, Double> idfs = new ConcurrentHashMap<>();
    private final Cache<Integer, Map<String, Double>> vectors = Caffeine.newBuilder().maximumSize(MOST_VECTORS)
            .executor(Runnable::run).build();

    CharGramCosines(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.reader = searcher.getIndexReader();
        this.docs = reader.numDocs();
    }

    /** True when this instance was made for that reader (and may serve a searcher over it). */
    boolean reads(IndexReader other) {
        return reader == other;
    }

    /** Each candidate's cosine to the papers, in [0, 1]; a candidate the index does not hold is absent. */
    Map<String, Double> cosines(Collection<PaperEvent> likes, Collection<String> candidateIds) throws IOException {
        Map<String, Integer> likedDocs = docsOf(likes.stream().map(PaperEvent::paperId).toList());
        Map<String, Double> sum = new HashMap<>();
        for (PaperEvent paper : likes) {
            Integer doc = likedDocs.get(paper.paperId());
            Map<String, Double> vector = doc != null ? unitIndexed(doc) : unit(analysed(paper));
            vector.forEach((term, weight) -> sum.merge(term, weight, Double::sum));
        }
        Map<String, Double> query = unit(sum);
        Map<String, Double> cosines = new HashMap<>();
        if (query.isEmpty()) {
            return cosines;
        }
        for (Map.Entry<String, Integer> candidate : docsOf(candidateIds).entrySet()) {
            Map<String, Double> vector = unitIndexed(candidate.getValue());
            double dot = 0;
            for (Map.Entry<String, Double> term : vector.entrySet()) {
                dot += term.getValue() * query.getOrDefault(term.getKey(), 0.0);
            }
            cosines.put(candidate.getKey(), dot);
        }
        return cosines;
    }

    private Map<String, Integer> docsOf(Collection<String> paperIds) throws IOException {
        Map<String, Integer> docs = new HashMap<>();
        if (paperIds.isEmpty()) {
            return docs;
        }
        TopDocs hits = searcher.search(PaperQueries.ids(paperIds), paperIds.size());
        SegmentFields.visitInDocOrder(reader.leaves(), hits.scoreDocs, (hit, fields, doc) -> {
            String id = fields.id(doc);
            if (id != null) {
                docs.put(id, hits.scoreDocs[hit].doc);
            }
        });
        return docs;
    }

    /** The unit TF-IDF vector of an indexed paper, kept for the next query on this reader (not to be changed). */
    private Map<String, Double> unitIndexed(int doc) throws IOException {
        Map<String, Double> kept = vectors.getIfPresent(doc);
        if (kept == null) {
            kept = unit(indexed(doc));
            vectors.put(doc, kept);
        }
        return kept;
    }

    /** TF-IDF weights of an indexed paper, from its term vector. */
    private Map<String, Double> indexed(int doc) throws IOException {
        Map<String, Double> weights = new HashMap<>();
        Terms terms = reader.termVectors().get(doc, PaperDocuments.CHARGRAMS);
        if (terms == null) {
            return weights;
        }
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            String text = term.utf8ToString();
            weights.put(text, TfIdfWeighting.weight(iterator.totalTermFreq(), idf(text)));
        }
        return weights;
    }

    /** TF-IDF weights of a paper the index does not hold, its grams counted by analysing it. */
    private Map<String, Double> analysed(PaperEvent paper) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream(PaperDocuments.CHARGRAMS, CharGramText.of(paper))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        }
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            weights.put(count.getKey(), TfIdfWeighting.weight(count.getValue(), idf(count.getKey())));
        }
        return weights;
    }

    private double idf(String term) throws IOException {
        Double known = idfs.get(term);
        if (known == null) {
            int docFreq = reader.docFreq(new Term(PaperDocuments.CHARGRAMS, term));
            known = TfIdfWeighting.idf(docs, docFreq);
            if (idfs.size() >= MOST_IDFS) {
                idfs.clear();
            }
            idfs.put(term, known);
        }
        return known;
    }

    private static Map<String, Double> unit(Map<String, Double> weights) {
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            weights.replaceAll((term, weight) -> weight / norm);
        }
        return weights;
    }
}
