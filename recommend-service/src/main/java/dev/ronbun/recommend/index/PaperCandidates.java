package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * The read side of the {@link PaperIndex} for rankings, in their terms: the candidates for a paper, for a reader's
 * interest and for a query vector, signal by signal ({@link SignalHits}); the papers a reader may be shown
 * ({@link ReaderScope}); the papers a paper names or is named by; and the terms that explain a match.
 */
@ApplicationScoped
public class PaperCandidates {

    /** More records of one work than this are not expected; the exclusion takes at most this many. */
    private static final int MAX_SAME_WORK = 100;

    private final PaperIndex index;
    private final PaperIndexReader reader;
    /** The character n-gram cosines of the current index reader, with what they keep (see {@link CharGramCosines}). */
    private final AtomicReference<CharGramCosines> charGrams = new AtomicReference<>();

    public PaperCandidates(PaperIndex index) {
        this.index = index;
        this.reader = new PaperIndexReader(index);
    }

    /**
     * Candidates related to a paper: its nearest papers by vector (when {@code byVector} and it has one, among papers
     * of its model) and by more-like-this of its distinctive terms (when {@code byText}; otherwise only the terms),
     * searched at the same time; never the paper itself nor another record of its work.
     */
    public SignalHits forPaper(PaperEvent source, int wanted, boolean byVector, boolean byText) {
        Set<String> excluded = sameWork(source);
        String model = PaperDocuments.modelOf(source);
        float[] vector = reader.centre(model).centred(source.embedding().vector());
        Query sameModel = modelRestriction(model).orElse(null);
        ConcurrentSearches.Pending<List<ScoredPaper>> vectorSearch = byVector && vector.length > 0
                ? ConcurrentSearches.start(() -> nearest(vector, wanted, sameModel, excluded))
                : ConcurrentSearches.Pending.done(List.of());
        TextMatches text = byText
                ? moreLikeThis(List.of(source), wanted, null, excluded)
                : new TextMatches(interestingTerms(source), List.of());
        return new SignalHits(vector, sameModel == null, vectorSearch.result(), text.papers(), text.terms(), excluded);
    }

    /**
     * The papers a reader's candidates may come from: those the restriction lets through (null: all) without the
     * seen papers' works, and for vectors only the given model's.
     *
     * @param seen    the seen papers the index holds, whose other records are left out too
     * @param seenIds every seen id, held by the index or not
     */
    public ReaderScope readerScope(Collection<PaperEvent> seen, List<String> seenIds, PaperSet restriction,
                                   Optional<String> model) {
        Query sameWork = PaperQueries.sameWorkAs(seen, seenIds);
        return new ReaderScope(PaperSet.query(restriction), sameWork,
                idsMatching(sameWork, 2 * seenIds.size() + 100), model.flatMap(this::modelRestriction).orElse(null));
    }

    /**
     * Candidates for one interest of a reader, within the scope: nearest to its centroid (when {@code byVector} and
     * it has one), and by text when {@code byText} or the vector found nothing: BM25 for a keyword, otherwise
     * more-like-this of its papers.
     *
     * @param centroid the interest's centred centroid; null without one
     * @param keyword  the keyword a keyword interest follows; null for an interest of papers
     * @param likes    the interest's papers for more-like-this, heaviest first
     */
    public SignalHits forInterest(ReaderScope scope, float[] centroid, String keyword, List<PaperEvent> likes,
                                  int wanted, boolean byVector, boolean byText) {
        List<ScoredPaper> vectorHits = byVector && centroid != null
                ? nearest(centroid, wanted, scope.vectorFilter(), scope.seenIds())
                : List.of();
        List<ScoredPaper> textHits = List.of();
        if (byText || vectorHits.isEmpty()) {
            textHits = keyword != null
                    ? PaperQueries.text(index.queryAnalyzer(), keyword)
                            .map(query -> search(query, wanted, scope.restriction(), scope.seenIds()))
                            .orElse(List.of())
                    : moreLikeThis(likes, wanted, scope.restriction(), scope.seenIds()).papers();
        }
        return new SignalHits(centroid == null ? new float[0] : centroid, scope.oneModel(), vectorHits, textHits,
                List.of(), scope.seenIds());
    }

    /**
     * A cold start's pool within the scope: the newest papers as lists show them, newest first, then those of the
     * given read papers that are not among them.
     */
    public List<PaperEvent> coldStartPool(ReaderScope scope, int wanted, Set<String> readIds) {
        Map<String, PaperEvent> pool = new LinkedHashMap<>();
        Query base = scope.allowed();
        index.withSearcher(searcher -> IndexHits.loadListings(searcher,
                searcher.search(base, Math.max(1, wanted), IndexHits.newestFirst())))
                .forEach(paper -> pool.put(paper.paperId(), paper));
        if (!readIds.isEmpty()) {
            Query popular = PaperQueries.allOf(base, PaperQueries.ids(readIds));
            reader.listings(idsMatching(popular, wanted)).values()
                    .forEach(paper -> pool.putIfAbsent(paper.paperId(), paper));
        }
        return List.copyOf(pool.values());
    }

    /**
     * A query's vector made ready to search with: centred on the current mean, among the papers of its model that
     * the caller allows (null: all).
     */
    public VectorQuery vectorQuery(float[] vector, String model, PaperSet allowed) {
        float[] centred = reader.centre().centred(vector);
        Optional<Query> sameModel = modelRestriction(model);
        Query filter = PaperQueries.both(PaperSet.query(allowed), sameModel.orElse(null));
        return new VectorQuery(centred, filter == null ? null : PaperSet.of(filter), sameModel.isEmpty(),
                reader.centre().isActive());
    }

    /**
     * The k papers whose vectors are nearest to {@code centred}, a vector centred on its model's mean (see
     * {@link PaperIndexReader#centre(String)}), among those the set lets through (null: all) and never the excluded
     * ids, scored by the exact cosine of the centred vectors and ordered by it. The graph is built on the centred
     * vectors, so it is searched in the space rankings compare in.
     */
    public List<ScoredPaper> nearest(float[] centred, int k, PaperSet papers, Set<String> excludedIds) {
        return nearest(centred, k, PaperSet.query(papers), excludedIds);
    }

    private List<ScoredPaper> nearest(float[] centred, int k, Query filter, Set<String> excludedIds) {
        List<ScoredPaper> hits = index.withSearcher(searcher -> IndexHits.bestWithout(searcher, k, filter,
                excludedIds, centred, (allowed, n) -> searcher.search(new KnnFloatVectorQuery(PaperDocuments.VECTOR,
                        centred, Math.max(n, index.settings().hnswSearchWidth()), allowed), n)));
        // the graph's scores may be of quantised vectors; the exact ones may order a near tie the other way
        List<ScoredPaper> ranked = new ArrayList<>(hits);
        ranked.sort(Comparator.comparingDouble(ScoredPaper::score).reversed());
        return ranked;
    }

    /** The serving model (see {@link PaperIndexReader#currentModel}). */
    public Optional<String> currentModel() {
        return reader.currentModel();
    }

    /** The mean the current model's vectors are centred on (see {@link PaperIndexReader#centre()}). */
    public VectorCentre centre() {
        return reader.centre();
    }

    /** A paper as lists show it (see {@link PaperIndexReader#listings}). */
    public Optional<PaperEvent> listing(String paperId) {
        return reader.listing(paperId);
    }

    /** The papers with these ids as lists show them (see {@link PaperIndexReader#listings}). */
    public Map<String, PaperEvent> listings(Collection<String> paperIds) {
        return reader.listings(paperIds);
    }

    /**
     * Each candidate's character n-gram TF-IDF cosine to the given papers together (see {@link CharGramCosines}); a
     * candidate the index does not hold is absent.
     */
    public Map<String, Double> charGramCosines(Collection<PaperEvent> likes, Collection<String> candidateIds) {
        return index.withSearcher(searcher -> {
            CharGramCosines current = charGrams.get();
            if (current == null || !current.reads(searcher.getIndexReader())) {
                current = new CharGramCosines(searcher, index.charGramAnalyzer());
                charGrams.set(current);
            }
            return current.cosines(likes, candidateIds);
        });
    }

    /** For each of these indexed papers, which of the given terms its text or keywords use, in the given order. */
    public Map<String, List<String>> termsPresent(Collection<String> paperIds, List<String> terms) {
        return index.withSearcher(searcher -> new PaperTerms(searcher, index.queryAnalyzer()).present(paperIds, terms));
    }

    /** The ids of the paper and of every other record of its work (same id, arXiv id or normalised title). */
    public Set<String> sameWork(PaperEvent paper) {
        return idsMatching(PaperQueries.sameWorkAs(List.of(paper), List.of()), MAX_SAME_WORK);
    }

    /** The ids of papers that name this one as next to read or as a key reference, at most {@code limit}. */
    public Set<String> naming(PaperEvent paper, int limit) {
        return idsMatching(PaperQueries.naming(paper), limit);
    }

    /** The ids of the papers a reference names, at most {@code limit}. */
    public Set<String> namedBy(Reference reference, int limit) {
        return idsMatching(PaperQueries.namedBy(reference), limit);
    }

    /** The papers the more-like-this terms of these papers match (see {@link PaperTerms}). */
    TextMatches moreLikeThis(Collection<PaperEvent> likes, int k, Query filter, Set<String> excludedIds) {
        return index.withSearcher(searcher -> {
            List<PaperTerms.WeightedTerm> terms = new PaperTerms(searcher, index.queryAnalyzer())
                    .distinctive(likes, index.settings().moreLikeThisTerms());
            List<String> words = terms.stream().map(PaperTerms.WeightedTerm::term).toList();
            if (terms.isEmpty()) {
                return new TextMatches(words, List.of());
            }
            return new TextMatches(words, IndexHits.bestScored(searcher, PaperTerms.query(terms), k, filter,
                    excludedIds));
        });
    }

    /** The terms more-like-this picks from a paper: its most distinctive words against this index, best first. */
    private List<String> interestingTerms(PaperEvent paper) {
        return index.withSearcher(searcher -> new PaperTerms(searcher, index.queryAnalyzer())
                .distinctive(List.of(paper), index.settings().moreLikeThisTerms()).stream()
                .map(PaperTerms.WeightedTerm::term).toList());
    }

    private List<ScoredPaper> search(Query query, int k, Query filter, Set<String> excludedIds) {
        return index.withSearcher(searcher -> IndexHits.bestScored(searcher, query, k, filter, excludedIds));
    }

    /** The ids of the papers a query matches (at most {@code limit}). */
    private Set<String> idsMatching(Query query, int limit) {
        return index.withSearcher(searcher -> IndexHits.collect(searcher, searcher.search(query, Math.max(1, limit)),
                null).stream().map(ScoredPaper::paperId).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * A filter for papers embedded with this model version, or empty when every paper is (the usual case), so that
     * vector searches need no filter at all.
     */
    private Optional<Query> modelRestriction(String modelVersion) {
        Query model = PaperQueries.model(modelVersion);
        return index.withSearcher(searcher -> searcher.count(model)) == index.size()
                ? Optional.empty() : Optional.of(model);
    }
}
