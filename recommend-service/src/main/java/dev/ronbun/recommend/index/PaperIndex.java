package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.text.JapaneseAnalyzers;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index of all papers: HNSW vectors for similarity, Kuromoji-analysed text for BM25 and more-like-this,
 * and the paper event stored whole. Writes are committed before the caller commits its Kafka offset, so a restart
 * resumes where it left off; an index that is new (or of an older schema) says so, and the service then replays the
 * compacted topic into it.
 */
public final class PaperIndex implements Closeable {

    /** The JDK's logger (routed to the service's log in Quarkus), so the command-line mains need no logging jar. */
    private static final System.Logger LOG = System.getLogger(PaperIndex.class.getName());
    private static final String SCHEMA_KEY = "ronbun.index.schema";
    private static final String COMPLETE_KEY = "ronbun.index.complete";
    private static final float[] NO_VECTOR = new float[0];

    private final Directory directory;
    private final IndexSettings settings;
    private final Analyzer charGramAnalyzer = new CharGramAnalyzer();
    private final Analyzer textAnalyzer = JapaneseAnalyzers.indexAnalyzer();
    private final Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(textAnalyzer,
            Map.of(PaperDocuments.CHARGRAMS, charGramAnalyzer));
    private final Analyzer queryAnalyzer = JapaneseAnalyzers.queryAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong generation = new AtomicLong();
    private final boolean needsReplay;
    private final ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
    private volatile CurrentModel currentModel;
    /** The means the index's vectors are centred on, committed with it; each new searcher captures them. */
    private volatile ModelCentres centres;

    private PaperIndex(Directory directory, IndexSettings settings) throws IOException {
        this.directory = directory;
        this.settings = settings;
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        boolean compatible = PaperDocuments.SCHEMA.equals(committed.get(SCHEMA_KEY));
        this.needsReplay = !compatible || !"true".equals(committed.get(COMPLETE_KEY));
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(compatible ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCodec(PaperCodec.of(settings))
                .setMergeScheduler(merges)
                .setRAMBufferSizeMB(settings.ramBufferMb());
        this.writer = new IndexWriter(directory, config);
        this.centres = compatible ? ModelCentres.fromCommitData(committed) : ModelCentres.NONE;
        if (!compatible) {
            commit(false);
        }
        this.searchers = new SearcherManager(writer, CentredSearcher.factory(() -> centres));
        this.currentModel = findCurrentModel();
    }

    /** Opens (or creates) the index in a folder. */
    public static PaperIndex open(Path folder, IndexSettings settings) {
        try {
            Files.createDirectories(folder);
            PaperIndex index = new PaperIndex(FSDirectory.open(folder), settings);
            LOG.log(System.Logger.Level.INFO, String.format("Paper index at %s holds %d papers%s",
                    folder.toAbsolutePath(), index.size(), index.needsReplay ? " (new, cleared or of an older "
                            + "schema, or not yet complete: the service replays the papers topic into it)" : ""));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the paper index at " + folder, e);
        }
    }

    /** A throwaway index in memory, for offline evaluation. */
    public static PaperIndex inMemory(IndexSettings settings) {
        try {
            return new PaperIndex(new ByteBuffersDirectory(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            indexAnalyzer.close();
            queryAnalyzer.close();
            charGramAnalyzer.close();
            textAnalyzer.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the paper index failed", e);
        }
    }

    /** How this index stores and searches. */
    public IndexSettings settings() {
        return settings;
    }

    /** True when this index is new, of an older schema, or was cleared and not yet fully rebuilt from the topic. */
    public boolean needsReplay() {
        return needsReplay;
    }

    /**
     * Adds or replaces papers by id and commits, so that they are durable before their offsets are. A record older
     * than the paper already indexed (by {@code updatedAt}) is skipped, which lets a replay of the topic run beside
     * the live consumer without ever putting an older state back.
     *
     * @return how many papers were written
     */
    public synchronized int upsert(Collection<PaperEvent> papers) {
        Map<String, PaperEvent> latest = new LinkedHashMap<>();
        for (PaperEvent paper : papers) {
            latest.merge(paper.paperId(), paper, (a, b) -> millis(b.updatedAt()) >= millis(a.updatedAt()) ? b : a);
        }
        try {
            int written = 0;
            Set<String> models = new HashSet<>();
            IndexSearcher searcher = searchers.acquire();
            try {
                for (PaperEvent paper : latest.values()) {
                    if (indexedUpdate(searcher, paper.paperId()) > millis(paper.updatedAt())) {
                        continue;
                    }
                    String model = PaperDocuments.modelOf(paper);
                    writer.updateDocument(new Term(PaperDocuments.ID, paper.paperId()),
                            PaperDocuments.toDocument(paper, centres.of(model)));
                    models.add(model);
                    noteModel(paper);
                    written++;
                }
            } finally {
                searchers.release(searcher);
            }
            if (written > 0) {
                for (String model : models) {
                    recentreIfDue(model);
                }
                commit(null);
                refresh();
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the paper index", e);
        }
    }

    /**
     * Which state of the index searches see: it grows each time written papers become visible, so a result computed
     * at one generation is still exact while the generation is unchanged (what the result caches rely on).
     */
    public long generation() {
        return generation.get();
    }

    /** Makes writes visible to searches, then moves the generation on (never before: a reader of the new generation
     * must search the new state). */
    private void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    /**
     * Takes the mean of a model's vectors (again) once it has enough papers (see {@link VectorCentre}), and writes its
     * papers again centred on it; the caller commits. Counting the model's papers needs a refreshed searcher, so it
     * is done only when the whole index is large enough for the count to matter.
     */
    private void recentreIfDue(String model) throws IOException {
        VectorCentre current = centres.of(model);
        if (size() < current.nextTaking()) {
            return;
        }
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            if (searcher.count(PaperQueries.model(model)) < current.nextTaking()) {
                return;
            }
            VectorCentre taken = VectorCentre.of(searcher, model, current);
            if (taken == current) {
                return;
            }
            long start = System.nanoTime();
            int rewritten = rewrite(searcher, model, current, taken);
            centres = centres.with(taken);
            LOG.log(System.Logger.Level.INFO, String.format("Took the mean of %d vectors of model %s and wrote %d "
                    + "papers again centred on it in %.1f s", taken.basis(), model, rewritten,
                    (System.nanoTime() - start) / 1e9));
        } finally {
            searchers.release(searcher);
        }
    }

    /** Writes every paper of a model again, its vector given back through the old mean and centred on the new one. */
    private int rewrite(IndexSearcher searcher, String model, VectorCentre old, VectorCentre taken)
            throws IOException {
        int[] rewritten = {0};
        SegmentFields.visitMatching(searcher, PaperQueries.model(model), (fields, doc) -> {
            PaperEvent paper = PaperDocuments.fromStored(fields.storedEvent(doc), fields.embedded(doc, old));
            writer.updateDocument(new Term(PaperDocuments.ID, paper.paperId()),
                    PaperDocuments.toDocument(paper, taken));
            rewritten[0]++;
        });
        return rewritten[0];
    }

    /**
     * The mean of the current model's vectors (see {@link VectorCentre}), which the index takes out of them: vectors of
     * results ({@link ScoredPaper}) and the vectors {@link #nearest} searches with are centred on it, and any other
     * vector a ranking compares with them must be centred with it. Papers and their listings keep their vectors as
     * embedded.
     */
    public VectorCentre centre() {
        CurrentModel model = currentModel;
        return model == null ? VectorCentre.NONE : centre(model.version());
    }

    /** The mean of a model's vectors: {@link #centre} for papers of an older model, which are centred on their own. */
    public VectorCentre centre(String model) {
        return centres.of(model);
    }

    /** Waits for background segment merges to finish (the benchmark counts them as part of the build). */
    public void awaitMerges() {
        merges.sync();
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments and commits. Every search visits each segment
     * (an HNSW graph and a term dictionary apiece), so a freshly replayed index of many segments searches slower
     * than the same papers in a few; new papers after this start new segments as usual.
     */
    public void compact(int maxSegments) {
        try {
            // Not under this index's lock: papers keep arriving (into new segments) while the merge runs.
            writer.forceMerge(maxSegments, true);
            synchronized (this) {
                commit(null);
                refresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the paper index", e);
        }
    }

    /** Removes a paper (a tombstone on the compacted topic). */
    public synchronized void delete(String paperId) {
        try {
            writer.deleteDocuments(new Term(PaperDocuments.ID, paperId));
            commit(null);
            refresh();
            // The newest paper names the serving model: with it gone, the next newest does (a merged or retracted
            // paper must not leave ranking restricted to a model no paper has any more).
            currentModel = findCurrentModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the paper index", e);
        }
    }

    /** Empties the index; it counts as incomplete until {@link #markComplete()}. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            centres = ModelCentres.NONE;
            commit(false);
            refresh();
            currentModel = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the paper index", e);
        }
    }

    /** Records that the index holds everything the topic held when a replay started. */
    public synchronized void markComplete() {
        try {
            commit(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the paper index", e);
        }
    }

    public Optional<PaperEvent> get(String paperId) {
        return Optional.ofNullable(getAll(List.of(paperId)).get(paperId));
    }

    /** The papers with these ids that the index holds, whole. */
    public Map<String, PaperEvent> getAll(Collection<String> paperIds) {
        return byId(paperIds, PaperIndex::load);
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
        return byId(paperIds, PaperIndex::loadListings);
    }

    private Map<String, PaperEvent> byId(Collection<String> paperIds, SearchLoader loader) {
        if (paperIds.isEmpty()) {
            return Map.of();
        }
        Set<BytesRef> terms = paperIds.stream().map(BytesRef::new).collect(Collectors.toSet());
        return withSearcher(searcher -> {
            TopDocs hits = searcher.search(new TermInSetQuery(PaperDocuments.ID, terms), terms.size());
            Map<String, PaperEvent> papers = new HashMap<>();
            for (PaperEvent paper : loader.load(searcher, hits)) {
                papers.put(paper.paperId(), paper);
            }
            return papers;
        });
    }

    /** The ids of the papers a query matches (at most {@code limit}). */
    public Set<String> idsMatching(Query query, int limit) {
        return withSearcher(searcher -> collect(searcher, searcher.search(query, Math.max(1, limit)), null).stream()
                .map(ScoredPaper::paperId).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    /** Newest papers first. */
    public PaperPage list(PaperFilter filter, int page, int size) {
        return withSearcher(searcher -> {
            Query query = filter.toQuery();
            int wanted = Math.max(1, (page + 1) * size);
            TopDocs hits = searcher.search(query, wanted, newestFirst());
            List<PaperEvent> all = load(searcher, hits);
            return new PaperPage(List.copyOf(all.subList(Math.min(all.size(), page * size), all.size())),
                    searcher.count(query));
        });
    }

    /**
     * The newest {@code n} papers the filter lets through, newest first, as lists show them (see {@link #listings}).
     */
    public List<PaperEvent> newest(Query filter, int n) {
        return withSearcher(searcher -> loadListings(searcher, searcher.search(filter, Math.max(1, n), newestFirst())));
    }

    /**
     * The k papers whose vectors are nearest to {@code centred}, a vector centred on its model's mean (see
     * {@link #centre(String)}; the filter keeps other models out when the index mixes them), among those the filter
     * lets through (null: all) and never the excluded ids (see
     * {@link #bestWithout}), scored by the exact cosine of the centred vectors and ordered by it. The graph is built on
     * the centred vectors, so it is searched in the space rankings compare in.
     */
    public List<ScoredPaper> nearest(float[] centred, int k, Query filter, Set<String> excludedIds) {
        List<ScoredPaper> hits = withSearcher(searcher -> bestWithout(searcher, k, filter, excludedIds, centred,
                (allowed, n) -> searcher.search(new KnnFloatVectorQuery(PaperDocuments.VECTOR, centred,
                        Math.max(n, settings.hnswSearchWidth()), allowed), n)));
        // the graph's scores may be of quantised vectors; the exact ones may order a near tie the other way
        List<ScoredPaper> ranked = new ArrayList<>(hits);
        ranked.sort(Comparator.comparingDouble(ScoredPaper::score).reversed());
        return ranked;
    }

    /** The k best papers for a query, by its own scoring (BM25 for text queries). */
    public List<ScoredPaper> search(Query query, int k) {
        return search(query, k, null, Set.of());
    }

    /**
     * The k best papers for a query, by its own scoring, among those the filter lets through (null: all) and never
     * the excluded ids (see {@link #bestWithout}).
     */
    public List<ScoredPaper> search(Query query, int k, Query filter, Set<String> excludedIds) {
        return withSearcher(searcher -> bestScored(searcher, query, k, filter, excludedIds));
    }

    /** {@link #search(Query, int, Query, Set)} on a searcher already held. */
    private static List<ScoredPaper> bestScored(IndexSearcher searcher, Query query, int k, Query filter,
                                                Set<String> excludedIds) throws IOException {
        return bestWithout(searcher, k, filter, excludedIds, null, (allowed, n) ->
                searcher.search(allowed == null ? query : PaperQueries.scoredWithin(query, allowed), Math.max(1, n)));
    }

    /**
     * A filter for papers embedded with this model version, or empty when every paper is (the usual case), so that
     * vector searches need no filter at all.
     */
    public Optional<Query> modelRestriction(String modelVersion) {
        Query model = PaperQueries.model(modelVersion);
        return count(model) == size() ? Optional.empty() : Optional.of(model);
    }

    /** How many papers match. */
    public int count(Query query) {
        return withSearcher(searcher -> searcher.count(query));
    }

    /**
     * BM25 over title, text and keywords for a free-text query, analysed by the same Kuromoji settings as the index.
     * Empty when the query has no searchable term (only particles or punctuation).
     */
    public Optional<Query> textQuery(String text) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
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

    /** The analysed terms of a text, as the index spells them. */
    public List<String> terms(String text) {
        return JapaneseAnalyzers.tokens(queryAnalyzer, text);
    }

    /**
     * Indexed terms of the text that contain a Japanese or Chinese word inside a longer compound (知識蒸留 for 蒸留):
     * the user dictionary keeps ML compounds whole, so a query for their part would otherwise not find them. Most
     * frequent first, at most {@code max}; none for a word without kanji or katakana, or of one character (a Latin
     * word inside others is rarely the same concept: rag in storage).
     */
    public List<String> compoundsContaining(String word, int max) {
        if (word.codePointCount(0, word.length()) < 2 || word.codePoints().noneMatch(PaperIndex::isKanjiOrKatakana)) {
            return List.of();
        }
        // built from the word's characters, so that a * or ? in it is a character, not a wildcard
        CompiledAutomaton containing = new CompiledAutomaton(Operations.determinize(Operations.concatenate(List.of(
                Automata.makeAnyString(), Automata.makeString(word), Automata.makeAnyString())),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
        return withSearcher(searcher -> {
            Map<String, Integer> found = new HashMap<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperDocuments.TEXT);
            if (terms != null) {
                TermsEnum matching = containing.getTermsEnum(terms);
                for (BytesRef term = matching.next(); term != null; term = matching.next()) {
                    String text = term.utf8ToString();
                    if (!text.equals(word)) {
                        found.put(text, matching.docFreq());
                    }
                }
            }
            return found.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(max).map(Map.Entry::getKey).toList();
        });
    }

    private static boolean isKanjiOrKatakana(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.KATAKANA;
    }

    /**
     * Terms of the indexed text nearest to a word in spelling (Lucene's {@link DirectSpellChecker}: at most two edits,
     * more frequent terms first), for "did you mean" when a query matched nothing; only terms at least as frequent as
     * the word itself.
     */
    public List<String> similarTerms(String word, int n) {
        return withSearcher(searcher -> Arrays.stream(new DirectSpellChecker().suggestSimilar(
                        new Term(PaperDocuments.TEXT, word), n, searcher.getIndexReader(), SuggestMode.SUGGEST_MORE_POPULAR))
                .map(suggestion -> suggestion.string).toList());
    }

    /**
     * BM25 more-like-this: the most distinctive terms of the given papers (by TF-IDF over this index, see
     * {@link PaperTerms}) as one query on the analysed text field, run among the papers the filter lets through (null:
     * all papers), never the excluded ids (see {@link #bestWithout}).
     */
    public TextMatches moreLikeThis(Collection<PaperEvent> likes, int k, Query filter, Set<String> excludedIds) {
        return withSearcher(searcher -> {
            List<PaperTerms.WeightedTerm> terms = new PaperTerms(searcher, queryAnalyzer)
                    .distinctive(likes, settings.moreLikeThisTerms());
            List<String> words = terms.stream().map(PaperTerms.WeightedTerm::term).toList();
            if (terms.isEmpty()) {
                return new TextMatches(words, List.of());
            }
            return new TextMatches(words, bestScored(searcher, PaperTerms.query(terms), k, filter, excludedIds));
        });
    }

    /**
     * Each candidate's character n-gram TF-IDF cosine to the given papers together (see {@link CharGramCosines}); a
     * candidate the index does not hold is absent.
     */
    public Map<String, Double> charGramCosines(Collection<PaperEvent> likes, Collection<String> candidateIds) {
        return withSearcher(searcher -> new CharGramCosines(searcher, charGramAnalyzer).cosines(likes, candidateIds));
    }

    /** The terms more-like-this picks from a paper: its most distinctive words against this index, best first. */
    public List<String> interestingTerms(PaperEvent paper) {
        return withSearcher(searcher -> new PaperTerms(searcher, queryAnalyzer)
                .distinctive(List.of(paper), settings.moreLikeThisTerms()).stream()
                .map(PaperTerms.WeightedTerm::term).toList());
    }

    /** For each of these indexed papers, which of the given terms its text or keywords use, in the given order. */
    public Map<String, List<String>> termsPresent(Collection<String> paperIds, List<String> terms) {
        return withSearcher(searcher -> new PaperTerms(searcher, queryAnalyzer).present(paperIds, terms));
    }

    /** The embedding model version of the most recently updated paper: the one queries must be embedded with. */
    public Optional<String> currentModel() {
        CurrentModel model = currentModel;
        return model == null ? Optional.empty() : Optional.of(model.version());
    }

    /** Every paper, in index order (for the JSON-lines export). */
    public void forEach(Consumer<PaperEvent> action) {
        withSearcher(searcher -> {
            SegmentFields.visitMatching(searcher, new MatchAllDocsQuery(), (fields, doc) -> action.accept(
                    withEmbedded(searcher, PaperDocuments.fromStored(fields.storedEvent(doc), NO_VECTOR), fields, doc)));
            return null;
        });
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /** Segments in the current commit (for the benchmark report). */
    public int segments() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    private void commit(Boolean complete) throws IOException {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.put(SCHEMA_KEY, PaperDocuments.SCHEMA);
        centres.writeTo(data);
        if (complete != null) {
            data.put(COMPLETE_KEY, complete.toString());
        }
        data.putIfAbsent(COMPLETE_KEY, "false");
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    private static Sort newestFirst() {
        return new Sort(new SortField(PaperDocuments.FIRST_SEEN, SortField.Type.LONG, true), SortField.FIELD_DOC);
    }

    private void noteModel(PaperEvent paper) {
        CurrentModel model = currentModel;
        long updated = millis(paper.updatedAt());
        if (model == null || updated >= model.updated()) {
            currentModel = new CurrentModel(PaperDocuments.modelOf(paper), updated);
        }
    }

    private CurrentModel findCurrentModel() throws IOException {
        return withSearcher(searcher -> {
            TopDocs newest = searcher.search(new MatchAllDocsQuery(), 1,
                    new Sort(new SortField(PaperDocuments.UPDATED, SortField.Type.LONG, true)));
            List<PaperEvent> papers = load(searcher, newest);
            if (papers.isEmpty()) {
                return null;
            }
            PaperEvent paper = papers.getFirst();
            return new CurrentModel(PaperDocuments.modelOf(paper), millis(paper.updatedAt()));
        });
    }

    /** The {@code updatedAt} (epoch millis) of the indexed paper with this id, or -1 when there is none. */
    private static long indexedUpdate(IndexSearcher searcher, String paperId) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(PaperDocuments.ID, paperId)), 1);
        if (hits.scoreDocs.length == 0) {
            return -1;
        }
        int doc = hits.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues updated = leaf.reader().getNumericDocValues(PaperDocuments.UPDATED);
        return updated != null && updated.advanceExact(doc - leaf.docBase) ? updated.longValue() : -1;
    }

    /** A search for the best n hits among those a filter lets through (null: no filter). */
    @FunctionalInterface
    private interface FilteredSearch {
        TopDocs run(Query filter, int n) throws IOException;
    }

    /**
     * The best k hits of a search, never the excluded ids. Without a filter, the few excluded papers (the source and
     * other records of its work, or what a reader has seen) are dropped from a slightly longer result instead of being
     * filtered out: a filter on their ids and titles costs a term lookup in every segment, and for vector search a
     * pass over every document. With a query vector, scores become exact cosines (see {@link #collect}).
     */
    private static List<ScoredPaper> bestWithout(IndexSearcher searcher, int k, Query filter, Set<String> excludedIds,
                                                 float[] queryVector, FilteredSearch search)
            throws IOException {
        if (filter == null) {
            return collect(searcher, search.run(null, k + excludedIds.size()), queryVector).stream()
                    .filter(hit -> !excludedIds.contains(hit.paperId())).limit(k).toList();
        }
        Query allowed = excludedIds.isEmpty() ? filter
                : PaperQueries.excluding(filter, PaperQueries.ids(excludedIds));
        return collect(searcher, search.run(allowed, k), queryVector);
    }

    /** The full events behind the hits, vectors as embedded put back, in hit order. */
    private static List<PaperEvent> load(IndexSearcher searcher, TopDocs hits) throws IOException {
        PaperEvent[] papers = new PaperEvent[hits.scoreDocs.length];
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) ->
                papers[hit] = withEmbedded(searcher, PaperDocuments.fromStored(fields.storedEvent(doc), NO_VECTOR),
                        fields, doc));
        return present(papers);
    }

    /** The listings behind the hits (see {@link #listings}), vectors as embedded put back, in hit order. */
    private static List<PaperEvent> loadListings(IndexSearcher searcher, TopDocs hits) throws IOException {
        PaperEvent[] papers = new PaperEvent[hits.scoreDocs.length];
        SegmentFields.visitInDocOrder(searcher.getIndexReader().leaves(), hits.scoreDocs, (hit, fields, doc) -> {
            BytesRef listing = fields.listing(doc);
            if (listing != null) {
                papers[hit] = withEmbedded(searcher, PaperDocuments.fromJson(listing, NO_VECTOR), fields, doc);
            }
        });
        return present(papers);
    }

    /** A paper read without its vector, given its vector as embedded, through the mean the searcher's state has. */
    private static PaperEvent withEmbedded(IndexSearcher searcher, PaperEvent paper, SegmentFields fields, int doc)
            throws IOException {
        VectorCentre centre = ((CentredSearcher) searcher).centres().of(PaperDocuments.modelOf(paper));
        return PaperDocuments.withVector(paper, fields.embedded(doc, centre));
    }

    /**
     * Id and vector of each hit, read from doc values and the vector file (no stored fields to decompress), the
     * vector as stored: centred (see {@link #centre}). With a query vector, centred too, each score becomes the exact
     * cosine of the centred vectors (the HNSW score is a rescaled, possibly quantised approximation of it).
     */
    private static List<ScoredPaper> collect(IndexSearcher searcher, TopDocs hits, float[] queryVector)
            throws IOException {
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

    private <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper index", e);
        }
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    @FunctionalInterface
    private interface SearchLoader {
        List<PaperEvent> load(IndexSearcher searcher, TopDocs hits) throws IOException;
    }

    @FunctionalInterface
    private interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private record CurrentModel(String version, long updated) {
    }
}
