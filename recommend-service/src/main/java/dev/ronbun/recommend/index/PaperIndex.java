package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.text.JapaneseAnalyzers;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;

/**
 * The Lucene index of all papers: HNSW vectors for similarity, Kuromoji-analysed text for BM25 and more-like-this,
 * and the paper event stored whole. This class only holds it (directory, writer, searchers, the vectors' means, the
 * serving model) and is opened and closed as one; {@link PaperIndexWriter} writes it, {@link PaperIndexReader} reads
 * papers from it and {@link PaperCandidates} and {@link PaperTextSearch} find papers for rankings and search, in
 * their terms and without a Lucene type. The live consumer's writes are committed in groups, each commit holding the
 * offsets its writes came from, so a restart replays the topic's tail from where the last commit left off (whatever
 * the consumer group committed meanwhile); an index that is new (or of an older schema) says so, and the service
 * then replays the compacted topic into it.
 */
public final class PaperIndex implements Closeable {

    /** The JDK's logger (routed to the service's log in Quarkus), so the command-line mains need no logging jar. */
    private static final System.Logger LOG = System.getLogger(PaperIndex.class.getName());
    private static final String SCHEMA_KEY = "ronbun.index.schema";
    private static final String COMPLETE_KEY = "ronbun.index.complete";
    /** Per partition, the offset the last finished replay read the papers topic up to: all below it is in. */
    private static final String REPLAYED_TO_KEY = "ronbun.index.replayed-to";
    /** Per partition, the offset after the last record the live consumer wrote before this commit. */
    private static final String LIVE_TO_KEY = "ronbun.index.live-to";
    /** Newly flushed segments, and merges, up to this size stay in memory until a commit writes them to disk. */
    private static final double NRT_CACHE_MERGE_MB = 8;
    /** At most this much of them in memory; beyond it new segments go to disk at once. */
    private static final double NRT_CACHE_MB = 64;

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
    /**
     * Where the replay starts per partition: a restored snapshot's offsets, or where the last commit of a complete
     * index left off (its tail), or empty for the topic's start.
     */
    private final Map<Integer, Long> replayFrom;
    private final boolean restored;
    /** Per partition, the offset after the last record the live consumer wrote (committed with the next commit). */
    private final Map<Integer, Long> liveTo = new ConcurrentHashMap<>();
    /** Whether the live consumer wrote anything since the last commit (other writes commit themselves). */
    private volatile boolean uncommitted;
    private final ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
    /** Keeps a commit's files on disk while a snapshot copies them, though newer commits have replaced it. */
    private final SnapshotDeletionPolicy pinnedCommits =
            new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    private volatile CurrentModel currentModel;
    /** The means the index's vectors are centred on, committed with it; each new searcher captures them. */
    private volatile ModelCentres centres;

    private PaperIndex(Directory directory, IndexSettings settings, Map<Integer, Long> restoredAt) throws IOException {
        this.directory = directory;
        this.settings = settings;
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        boolean compatible = PaperDocuments.SCHEMA.equals(committed.get(SCHEMA_KEY));
        boolean complete = compatible && "true".equals(committed.get(COMPLETE_KEY));
        Map<Integer, Long> tail = complete && restoredAt.isEmpty() ? committedTo(committed) : Map.of();
        this.replayFrom = compatible ? Map.copyOf(restoredAt.isEmpty() ? tail : restoredAt) : Map.of();
        this.restored = compatible && !restoredAt.isEmpty();
        this.needsReplay = !complete || !replayFrom.isEmpty();
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(compatible ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCodec(PaperCodec.of(settings))
                .setMergeScheduler(merges)
                .setIndexDeletionPolicy(pinnedCommits)
                .setRAMBufferSizeMB(settings.ramBufferMb());
        this.writer = new IndexWriter(directory, config);
        this.centres = compatible ? ModelCentres.fromCommitData(committed) : ModelCentres.NONE;
        if (!compatible || !restoredAt.isEmpty()) {
            // a restored snapshot counts as incomplete until the topic's tail is replayed into it (its own tail
            // after a restart does not: a crash during that replay only replays the same tail again)
            commit(false);
        }
        this.searchers = new SearcherManager(writer, CentredSearcher.factory(() -> centres));
        this.currentModel = findCurrentModel();
    }

    /** Opens (or creates) the index in a folder. */
    public static PaperIndex open(Path folder, IndexSettings settings) {
        return open(folder, settings, Map.of());
    }

    /**
     * Opens the index in a folder that a snapshot was just restored into: it replays the papers topic from
     * {@code restoredAt} (per partition) rather than from the start.
     */
    public static PaperIndex open(Path folder, IndexSettings settings, Map<Integer, Long> restoredAt) {
        try {
            Files.createDirectories(folder);
            // Each live write is made searchable at once, which flushes a segment of one paper: kept in memory until
            // a commit (or merged there), instead of a dozen new files on disk per paper.
            PaperIndex index = new PaperIndex(new NRTCachingDirectory(FSDirectory.open(folder), NRT_CACHE_MERGE_MB,
                    NRT_CACHE_MB), settings, restoredAt);
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
            return new PaperIndex(new ByteBuffersDirectory(), settings, Map.of());
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

    /** The schema this build writes; a snapshot of another is never restored. */
    public static String schema() {
        return PaperDocuments.SCHEMA;
    }

    /** Whether {@code folder} holds a complete index of this build's schema (else the service must fill it). */
    public static boolean holdsCompleteIndex(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            Map<String, String> committed = SegmentInfos.readLatestCommit(directory).getUserData();
            return PaperDocuments.SCHEMA.equals(committed.get(SCHEMA_KEY)) && "true".equals(committed.get(COMPLETE_KEY));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the index at " + folder + ": " + e);
            return false;
        }
    }

    /**
     * The latest commit, its files kept on disk until the returned handle is closed; empty when the index is in
     * memory or not complete (a replay is filling it).
     */
    Optional<PinnedCommit> pinLatestCommit() throws IOException {
        Directory base = directory instanceof NRTCachingDirectory cached ? cached.getDelegate() : directory;
        if (!(base instanceof FSDirectory folder)) {
            return Optional.empty();
        }
        IndexCommit commit = pinnedCommits.snapshot();
        if (!"true".equals(commit.getUserData().get(COMPLETE_KEY))) {
            pinnedCommits.release(commit);
            return Optional.empty();
        }
        return Optional.of(new PinnedCommit(folder.getDirectory(), List.copyOf(commit.getFileNames()), size(),
                committedTo(commit.getUserData()), () -> {
            pinnedCommits.release(commit);
            writer.deleteUnusedFiles();
        }));
    }

    boolean needsReplay() {
        return needsReplay;
    }

    Map<Integer, Long> replayFrom() {
        return replayFrom;
    }

    /** Whether the index was restored from a snapshot when it opened (else its replay is its own tail, if any). */
    boolean restored() {
        return restored;
    }

    IndexWriter writer() {
        return writer;
    }

    ConcurrentMergeScheduler merges() {
        return merges;
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    Analyzer charGramAnalyzer() {
        return charGramAnalyzer;
    }

    /** See {@link PaperIndexReader#generation}. */
    long generation() {
        return generation.get();
    }

    /** Makes writes visible to searches, then moves the generation on (never before: a reader of the new generation
     * must search the new state). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    /** Makes writes visible to searches without moving the generation (a count before a re-centring needs it). */
    void refreshSearchers() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    ModelCentres centres() {
        return centres;
    }

    void centres(ModelCentres centres) {
        this.centres = centres;
    }

    /** The mean of the current model's vectors (see {@link PaperIndexReader#centre()}). */
    VectorCentre centre() {
        CurrentModel model = currentModel;
        return model == null ? VectorCentre.NONE : centres.of(model.version());
    }

    Optional<String> currentModel() {
        CurrentModel model = currentModel;
        return model == null ? Optional.empty() : Optional.of(model.version());
    }

    /** Notes a written paper: the most recently updated one names the serving model. */
    void noteModel(PaperEvent paper) {
        CurrentModel model = currentModel;
        long updated = millis(paper.updatedAt());
        if (model == null || updated >= model.updated()) {
            currentModel = new CurrentModel(PaperDocuments.modelOf(paper), updated);
        }
    }

    /** Finds the serving model again (after a delete), or forgets it (after a clear). */
    void resetModel(boolean empty) throws IOException {
        currentModel = empty ? null : findCurrentModel();
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /** Marks the index complete, a replay having read the topic up to {@code replayedTo} (per partition). */
    void commitReplayed(Map<Integer, Long> replayedTo) throws IOException {
        commit(true, replayedTo);
    }

    /**
     * Per partition, the offset below which a complete index's commit holds every record: the further of where its
     * last replay read to and where the live consumer had written to. Empty for an index of an older build that kept
     * neither (it committed every record before its offset, so it has no tail to replay).
     */
    private static Map<Integer, Long> committedTo(Map<String, String> committed) {
        Map<Integer, Long> to = offsets(committed.get(REPLAYED_TO_KEY));
        offsets(committed.get(LIVE_TO_KEY)).forEach((partition, offset) -> to.merge(partition, offset, Math::max));
        return to;
    }

    /** Notes that the live consumer wrote the record before {@code nextOffset} of a partition. */
    void wroteLive(int partition, long nextOffset) {
        liveTo.merge(partition, nextOffset, Math::max);
        uncommitted = true;
    }

    /** Commits what was written since the last commit, if anything. */
    void commitIfWritten() throws IOException {
        if (uncommitted) {
            commit(null);
        }
    }

    private static Map<Integer, Long> offsets(String encoded) {
        Map<Integer, Long> offsets = new HashMap<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String pair : encoded.split(",")) {
                String[] parts = pair.split(":");
                offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            }
        }
        return offsets;
    }

    void commit(Boolean complete) throws IOException {
        commit(complete, null);
    }

    /** Commits; {@code replayedTo}, when given, is where the replay that completes the index read up to. */
    private void commit(Boolean complete, Map<Integer, Long> replayedTo) throws IOException {
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
        if (Boolean.FALSE.equals(complete)) {
            // cleared or being refilled: what an earlier replay covered is no longer known to be in
            data.remove(REPLAYED_TO_KEY);
        }
        if (replayedTo != null) {
            data.put(REPLAYED_TO_KEY, encoded(replayedTo));
        }
        if (!liveTo.isEmpty()) {
            Map<Integer, Long> wroteTo = offsets(data.get(LIVE_TO_KEY));
            liveTo.forEach((partition, offset) -> wroteTo.merge(partition, offset, Math::max));
            data.put(LIVE_TO_KEY, encoded(wroteTo));
        }
        data.putIfAbsent(COMPLETE_KEY, "false");
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        uncommitted = false; // only once committed: a failed commit is tried again by the next group commit
    }

    private static String encoded(Map<Integer, Long> offsets) {
        return offsets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    private CurrentModel findCurrentModel() throws IOException {
        return withSearcher(searcher -> {
            TopDocs newest = searcher.search(new MatchAllDocsQuery(), 1,
                    new Sort(new SortField(PaperDocuments.UPDATED, SortField.Type.LONG, true)));
            List<PaperEvent> papers = IndexHits.load(searcher, newest);
            if (papers.isEmpty()) {
                return null;
            }
            PaperEvent paper = papers.getFirst();
            return new CurrentModel(PaperDocuments.modelOf(paper), millis(paper.updatedAt()));
        });
    }

    /** Runs work on a searcher of the current state, released afterwards. */
    <T> T withSearcher(SearchWork<T> work) {
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

    /** Like {@link #withSearcher}, for writes that read first: an I/O failure is the caller's to report. */
    <T> T withSearcherOrFail(SearchWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    @FunctionalInterface
    interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private record CurrentModel(String version, long updated) {
    }
}
