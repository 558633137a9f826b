package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.text.JapaneseAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The analysed terms of papers and which of them say most about them: the more-like-this view of a paper. Indexed
 * papers are read from the term vectors written at index time, so a query never runs Kuromoji over a paper the index
 * already analysed (that analysis was most of the time a related-papers call took); papers the index does not hold
 * are analysed as before.
 *
 * <p>Weights follow Lucene's {@code MoreLikeThis}: term frequency times the classic idf,
 * {@code 1 + ln((docs + 1) / (docFreq + 1))}, terms the index never saw dropped, the best {@code maxTerms} kept and
 * each boosted relative to the best.
 */
final class PaperTerms {

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    PaperTerms(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    /** A term and how much it says about the papers it was drawn from. */
    record WeightedTerm(String term, double weight) {
    }

    /** The most distinctive terms of these papers together, best first. */
    List<WeightedTerm> distinctive(Collection<PaperEvent> papers, int maxTerms) throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        Map<String, Integer> liked = docsOf(papers.stream().map(PaperEvent::paperId).toList());
        for (PaperEvent paper : papers) {
            frequencies(paper, liked.getOrDefault(paper.paperId(), -1))
                    .forEach((term, count) -> frequencies.merge(term, count, Integer::sum));
        }
        IndexReader reader = searcher.getIndexReader();
        int docs = reader.numDocs();
        List<WeightedTerm> weighted = new ArrayList<>(frequencies.size());
        for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
            int docFreq = reader.docFreq(new Term(PaperDocuments.TEXT, entry.getKey()));
            if (docFreq > 0) {
                double idf = 1 + Math.log((docs + 1.0) / (docFreq + 1.0));
                weighted.add(new WeightedTerm(entry.getKey(), entry.getValue() * idf));
            }
        }
        weighted.sort(Comparator.comparingDouble(WeightedTerm::weight).reversed()
                .thenComparing(WeightedTerm::term));
        return List.copyOf(weighted.subList(0, Math.min(maxTerms, weighted.size())));
    }

    /** One BM25 query over the text field: each term a SHOULD clause boosted by its weight relative to the best. */
    static Query query(List<WeightedTerm> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        double best = terms.isEmpty() ? 1 : terms.getFirst().weight();
        for (WeightedTerm term : terms) {
            query.add(new BoostQuery(new TermQuery(new Term(PaperDocuments.TEXT, term.term())),
                    (float) (term.weight() / best)), Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * For each paper id the index holds, which of the given terms its text or keywords use, in the given order. Read
     * from the postings (one seek per term and segment, then a forward skip per paper), which for a page of results
     * costs much less than decompressing each paper's term vectors.
     */
    Map<String, List<String>> present(Collection<String> paperIds, List<String> terms) throws IOException {
        List<String> ids = new ArrayList<>();
        Map<SegmentFields, List<int[]>> bySegment = new LinkedHashMap<>(); // [paper, document], in document order
        visitPapers(paperIds, (paperId, fields, doc, topLevelDoc) -> {
            bySegment.computeIfAbsent(fields, f -> new ArrayList<>()).add(new int[] {ids.size(), doc});
            ids.add(paperId);
        });
        boolean[][] uses = new boolean[ids.size()][terms.size()];
        BytesRef[] wanted = terms.stream().map(BytesRef::new).toArray(BytesRef[]::new);
        for (Map.Entry<SegmentFields, List<int[]>> segment : bySegment.entrySet()) {
            for (String field : List.of(PaperDocuments.TEXT, PaperDocuments.KEYWORDS)) {
                Terms fieldTerms = segment.getKey().reader().terms(field);
                if (fieldTerms == null) {
                    continue;
                }
                TermsEnum termsEnum = fieldTerms.iterator();
                PostingsEnum postings = null;
                for (int t = 0; t < wanted.length; t++) {
                    if (!termsEnum.seekExact(wanted[t])) {
                        continue;
                    }
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int[] paper : segment.getValue()) { // in document order: postings only skip forwards
                        if (postings.docID() < paper[1]) {
                            postings.advance(paper[1]);
                        }
                        uses[paper[0]][t] |= postings.docID() == paper[1];
                    }
                }
            }
        }
        Map<String, List<String>> found = new HashMap<>();
        for (int paper = 0; paper < ids.size(); paper++) {
            List<String> present = new ArrayList<>();
            for (int t = 0; t < terms.size(); t++) {
                if (uses[paper][t]) {
                    present.add(terms.get(t));
                }
            }
            found.put(ids.get(paper), present);
        }
        return found;
    }

    /** The top-level documents of these paper ids. */
    private Map<String, Integer> docsOf(Collection<String> paperIds) throws IOException {
        Map<String, Integer> docs = new HashMap<>();
        visitPapers(paperIds, (paperId, fields, doc, topLevelDoc) -> docs.put(paperId, topLevelDoc));
        return docs;
    }

    /** What to do with each paper found: its id, its segment's fields, its document there and in the index. */
    @FunctionalInterface
    private interface PaperVisitor {
        void visit(String paperId, SegmentFields fields, int doc, int topLevelDoc) throws IOException;
    }

    /** Finds these paper ids with one query and visits them in document order (ids read from the doc values). */
    private void visitPapers(Collection<String> paperIds, PaperVisitor visitor) throws IOException {
        if (paperIds.isEmpty()) {
            return;
        }
        TopDocs hits = searcher.search(PaperQueries.ids(paperIds), paperIds.size());
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) -> {
            String paperId = fields.id(doc);
            if (paperId != null) {
                visitor.visit(paperId, fields, doc, hits.scoreDocs[hit].doc);
            }
        });
    }

    /** Term frequencies over a paper's text and keywords: from its term vectors when indexed, else analysed. */
    private Map<String, Integer> frequencies(PaperEvent paper, int doc) throws IOException {
        if (doc >= 0) {
            TermVectors vectors = searcher.getIndexReader().termVectors();
            Terms text = vectors.get(doc, PaperDocuments.TEXT);
            if (text != null) {
                Map<String, Integer> frequencies = new HashMap<>();
                addAll(text, frequencies);
                addAll(vectors.get(doc, PaperDocuments.KEYWORDS), frequencies);
                return frequencies;
            }
        }
        String text = PaperDocuments.searchableText(paper) + "\n"
                + paper.keywords().stream().map(Keyword::term).collect(Collectors.joining(" "));
        return JapaneseAnalyzers.tokens(analyzer, text).stream()
                .collect(Collectors.toMap(term -> term, term -> 1, Integer::sum));
    }

    private static void addAll(Terms terms, Map<String, Integer> frequencies) throws IOException {
        if (terms == null) {
            return;
        }
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            frequencies.merge(term.utf8ToString(), (int) iterator.totalTermFreq(), Integer::sum);
        }
    }
}
