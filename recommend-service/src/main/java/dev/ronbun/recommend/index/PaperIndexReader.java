package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The read side of the {@link PaperIndex} for pages, lists and exports: papers by id (whole, or as lists show them),
 * newest first, every paper; and what the index is now (its generation, size, serving model and its mean).
 */
@ApplicationScoped
public class PaperIndexReader {

    private final PaperIndex index;

    public PaperIndexReader(PaperIndex index) {
        this.index = index;
    }

    /** How this index stores and searches. */
    public IndexSettings settings() {
        return index.settings();
    }

    /**
     * Which state of the index searches see: it grows each time written papers become visible, so a result computed
     * at one generation is still exact while the generation is unchanged (what the result caches rely on).
     */
    public long generation() {
        return index.generation();
    }

    public int size() {
        return index.size();
    }

    /** Segments in the current commit (for the benchmark report). */
    public int segments() {
        return index.withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** The embedding model version of the most recently updated paper: the one queries must be embedded with. */
    public Optional<String> currentModel() {
        return index.currentModel();
    }

    /**
     * The mean of the current model's vectors (see {@link VectorCentre}), which the index takes out of them: vectors of
     * results ({@link ScoredPaper}) and the vectors {@link PaperCandidates#nearest} searches with are centred on it,
     * and any other vector a ranking compares with them must be centred with it. Papers and their listings keep their
     * vectors as embedded.
     */
    public VectorCentre centre() {
        return index.centre();
    }

    /** The mean of a model's vectors: {@link #centre} for papers of an older model, which are centred on their own. */
    public VectorCentre centre(String model) {
        return index.centres().of(model);
    }

    public Optional<PaperEvent> get(String paperId) {
        return Optional.ofNullable(getAll(List.of(paperId)).get(paperId));
    }

    /** The papers with these ids that the index holds, whole. */
    public Map<String, PaperEvent> getAll(Collection<String> paperIds) {
        return byId(paperIds, IndexHits::load);
    }

    /** A paper as lists show it (see {@link #listings}). */
    public Optional<PaperEvent> listing(String paperId) {
        return Optional.ofNullable(listings(List.of(paperId)).get(paperId));
    }

    /**
     * The papers with these ids as lists show them: every field but their summaries' bodies and sections, read from
     * doc values, which is several times cheaper than the whole event. What rankings read.
     */
    public Map<String, PaperEvent> listings(Collection<String> paperIds) {
        return byId(paperIds, IndexHits::loadListings);
    }

    private Map<String, PaperEvent> byId(Collection<String> paperIds, Loader loader) {
        if (paperIds.isEmpty()) {
            return Map.of();
        }
        Set<BytesRef> terms = paperIds.stream().map(BytesRef::new).collect(Collectors.toSet());
        return index.withSearcher(searcher -> {
            TopDocs hits = searcher.search(new TermInSetQuery(PaperDocuments.ID, terms), terms.size());
            Map<String, PaperEvent> papers = new HashMap<>();
            for (PaperEvent paper : loader.load(searcher, hits)) {
                papers.put(paper.paperId(), paper);
            }
            return papers;
        });
    }

    /** Newest papers first. */
    public PaperPage list(PaperFilter filter, int page, int size) {
        return index.withSearcher(searcher -> {
            Query query = filter.toQuery();
            int wanted = Math.max(1, (page + 1) * size);
            TopDocs hits = searcher.search(query, wanted, IndexHits.newestFirst());
            List<PaperEvent> all = IndexHits.load(searcher, hits);
            return new PaperPage(List.copyOf(all.subList(Math.min(all.size(), page * size), all.size())),
                    searcher.count(query));
        });
    }

    /** Every paper, in index order (for the JSON-lines export). */
    public void forEach(Consumer<PaperEvent> action) {
        index.withSearcher(searcher -> {
            IndexHits.visitPapers(searcher, new MatchAllDocsQuery(), action::accept);
            return null;
        });
    }

    @FunctionalInterface
    private interface Loader {
        List<PaperEvent> load(IndexSearcher searcher, TopDocs hits) throws IOException;
    }
}
