package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The write side of the {@link PaperIndex}: upserts and deletes from the papers topic, its replay (clear, mark
 * complete, compact) and the re-centring of vectors on their model's mean. A replay's writes are committed before
 * they return. The live consumer's are not: each notes the offset it came from, and {@link #commitIfWritten} (on a
 * timer) makes them durable in one commit with those offsets, so a restart replays the topic from there. A commit
 * (an fsync of every new file) per record held the live consumer to about 46 papers a second on this disk. Writes
 * hold the index's lock, so any number of writers over one index write one at a time.
 */
@ApplicationScoped
public class PaperIndexWriter {

    private static final System.Logger LOG = System.getLogger(PaperIndexWriter.class.getName());

    /** How long to keep to this index's own means after the database could not be asked for the shared ones. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);
    /**
     * How often a model's mean is compared with the shared one again: a replica that took its own mean while the
     * database was away offers it when it comes back, and the others come round to it within this long.
     */
    static final Duration COMPARE_EVERY = Duration.ofMinutes(10);

    private final PaperIndex index;
    private final SharedCentres sharedCentres;
    private final Duration compareEvery;
    /** When each model's centre was last compared with the shared one ({@link System#nanoTime}). */
    private final Map<String, Long> comparedAt = new ConcurrentHashMap<>();
    /** {@link System#nanoTime} from which the database may be asked again. */
    private volatile long askAgainFrom = System.nanoTime();

    /** An index that keeps the means it takes to itself. */
    public PaperIndexWriter(PaperIndex index) {
        this(index, SharedCentres.NONE);
    }

    @Inject
    public PaperIndexWriter(PaperIndex index, SharedCentres sharedCentres) {
        this(index, sharedCentres, COMPARE_EVERY);
    }

    PaperIndexWriter(PaperIndex index, SharedCentres sharedCentres, Duration compareEvery) {
        this.index = index;
        this.sharedCentres = sharedCentres;
        this.compareEvery = compareEvery;
    }

    /**
     * Commits, then keeps that commit's files until the handle is closed, for a snapshot to copy; empty while the
     * index is incomplete or in memory.
     */
    public Optional<PinnedCommit> pinCommit() {
        synchronized (index) {
            try {
                index.commit(null);
                return index.pinLatestCommit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot pin a commit of the paper index", e);
            }
        }
    }

    /**
     * True when the index is new, of an older schema, cleared and not yet fully rebuilt from the topic, restored from
     * a snapshot, or has a tail after its last commit to replay.
     */
    public boolean needsReplay() {
        return index.needsReplay();
    }

    /**
     * Per partition, where the startup replay begins: a restored snapshot's offsets, or where the index's last commit
     * left off; empty for the topic's start.
     */
    public Map<Integer, Long> replayFrom() {
        return index.replayFrom();
    }

    /** Whether {@link #replayFrom()} is a restored snapshot's (else the index's own last commit's, or empty). */
    public boolean restored() {
        return index.restored();
    }

    /**
     * Adds or replaces papers by id and commits, so that they are durable before their offsets are. A record older
     * than the paper already indexed (by {@code updatedAt}) is skipped, which lets a replay of the topic run beside
     * the live consumer without ever putting an older state back.
     *
     * @return how many papers were written
     */
    public int upsert(Collection<PaperEvent> papers) {
        synchronized (index) {
            try {
                int written = write(papers);
                if (written > 0) {
                    index.commit(null);
                    index.refresh();
                }
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the paper index", e);
            }
        }
    }

    /**
     * The live consumer's record of a paper: adds or replaces it as {@link #upsert} does and removes the records it
     * absorbed as the same work, then notes the record's offset; visible to searches when it returns, durable with
     * the next {@link #commitIfWritten}.
     *
     * @param absorbed   ids of the records the paper absorbed ({@code formerIds}, not its own)
     * @param nextOffset the offset after the record's, on its partition
     * @return how many papers were written (0 when the index holds a newer state of it)
     */
    public int upsertLive(PaperEvent paper, Collection<String> absorbed, int partition, long nextOffset) {
        synchronized (index) {
            try {
                int written = write(List.of(paper));
                if (!absorbed.isEmpty()) {
                    remove(absorbed);
                } else if (written > 0) {
                    index.refresh();
                }
                index.wroteLive(partition, nextOffset);
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the paper index", e);
            }
        }
    }

    /** The live consumer's tombstone: removes the paper and notes the offset, durable with the next group commit. */
    public void deleteLive(String paperId, int partition, long nextOffset) {
        synchronized (index) {
            try {
                remove(List.of(paperId));
                index.wroteLive(partition, nextOffset);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete from the paper index", e);
            }
        }
    }

    /** Commits the live consumer's writes since the last commit, with their offsets; nothing when there were none. */
    public void commitIfWritten() {
        synchronized (index) {
            try {
                index.commitIfWritten();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the paper index", e);
            }
        }
    }

    /** Writes papers (a newer indexed state of one wins), re-centring when due; the caller holds the lock. */
    private int write(Collection<PaperEvent> papers) throws IOException {
        Map<String, PaperEvent> latest = new LinkedHashMap<>();
        for (PaperEvent paper : papers) {
            latest.merge(paper.paperId(), paper,
                    (a, b) -> PaperIndex.millis(b.updatedAt()) >= PaperIndex.millis(a.updatedAt()) ? b : a);
        }
        Set<String> models = new HashSet<>();
        int written = index.withSearcherOrFail(searcher -> {
            int count = 0;
            for (PaperEvent paper : latest.values()) {
                if (indexedUpdate(searcher, paper.paperId()) > PaperIndex.millis(paper.updatedAt())) {
                    continue;
                }
                String model = PaperDocuments.modelOf(paper);
                index.writer().updateDocument(new Term(PaperDocuments.ID, paper.paperId()),
                        PaperDocuments.toDocument(paper, index.centres().of(model)));
                models.add(model);
                index.noteModel(paper);
                count++;
            }
            return count;
        });
        if (written > 0) {
            for (String model : models) {
                recentreIfDue(model);
            }
        }
        return written;
    }

    /**
     * Takes the mean of a model's vectors (again) once it has enough papers (see {@link VectorCentre}), and writes its
     * papers again centred on it; the caller commits. Counting the model's papers needs a refreshed searcher, so it is
     * done only when the whole index is large enough for the count to matter.
     *
     * <p>Replicas share the mean ({@link SharedCentres}): when one is due, a mean another replica took from enough
     * papers is used instead of taking one here. The first write of a model after the index opens, and a write every
     * {@link #COMPARE_EVERY} after that, compare its mean with the shared one, so a replica that took its own (before
     * means were shared, or while the database was away) comes round to the shared one, or shares its own if that was
     * taken from more papers. While the database cannot be asked, a due mean is taken here as before and the database
     * is asked again after {@link #ASK_AGAIN_AFTER}.
     */
    private void recentreIfDue(String model) throws IOException {
        VectorCentre current = index.centres().of(model);
        boolean due = index.size() >= current.nextTaking();
        long now = System.nanoTime();
        Long compared = comparedAt.get(model);
        boolean reconcile = (compared == null || now - compared >= compareEvery.toNanos()) && now - askAgainFrom >= 0;
        if (!due && !reconcile) {
            return;
        }
        index.refreshSearchers();
        index.withSearcherOrFail(searcher -> {
            boolean dueNow = searcher.count(PaperQueries.model(model)) >= current.nextTaking();
            if (!dueNow && !reconcile) {
                return null;
            }
            VectorCentre next;
            try {
                next = agreedCentre(searcher, model, current, dueNow);
                comparedAt.put(model, System.nanoTime());
            } catch (RuntimeException e) {
                askAgainFrom = System.nanoTime() + ASK_AGAIN_AFTER.toNanos();
                LOG.log(System.Logger.Level.WARNING, "Cannot ask the database for the shared mean of model " + model
                        + "'s vectors; asking again in " + ASK_AGAIN_AFTER.toSeconds() + " s: " + e);
                next = dueNow ? VectorMeans.take(searcher, model, current) : current;
            }
            if (next.sameAs(current)) {
                return null;
            }
            long start = System.nanoTime();
            int rewritten = rewrite(searcher, model, current, next);
            index.centres(index.centres().with(next));
            LOG.log(System.Logger.Level.INFO, String.format("Centred the vectors of model %s on the mean of %d papers "
                    + "and wrote %d papers again in %.1f s", model, next.basis(), rewritten,
                    (System.nanoTime() - start) / 1e9));
            return null;
        });
    }

    /**
     * The centre the replicas share for a model: when a mean is due, one taken from enough papers (another replica's,
     * or this index's, offered); otherwise the shared one, this index's offered when it has one.
     */
    private VectorCentre agreedCentre(IndexSearcher searcher, String model, VectorCentre current, boolean due)
            throws IOException {
        if (due) {
            Optional<VectorCentre> shared = sharedCentres.takenFrom(model, current.nextTaking());
            return shared.isPresent() ? shared.get()
                    : sharedCentres.offer(VectorMeans.take(searcher, model, current));
        }
        return current.isActive() ? sharedCentres.offer(current)
                : sharedCentres.takenFrom(model, 0).orElse(current);
    }

    /** Writes every paper of a model again, its vector given back through the old mean and centred on the new one. */
    private int rewrite(IndexSearcher searcher, String model, VectorCentre old, VectorCentre next)
            throws IOException {
        int[] rewritten = {0};
        SegmentFields.visitMatching(searcher, PaperQueries.model(model), (fields, doc) -> {
            PaperEvent paper = PaperDocuments.fromStored(fields.storedEvent(doc), fields.embedded(doc, old));
            index.writer().updateDocument(new Term(PaperDocuments.ID, paper.paperId()),
                    PaperDocuments.toDocument(paper, next));
            rewritten[0]++;
        });
        return rewritten[0];
    }

    /** Waits for background segment merges to finish (the benchmark counts them as part of the build). */
    public void awaitMerges() {
        index.merges().sync();
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments and commits. Every search visits each segment
     * (an HNSW graph and a term dictionary apiece), so a freshly replayed index of many segments searches slower
     * than the same papers in a few; new papers after this start new segments as usual.
     */
    public void compact(int maxSegments) {
        try {
            // Not under the index's lock: papers keep arriving (into new segments) while the merge runs.
            index.writer().forceMerge(maxSegments, true);
            synchronized (index) {
                index.commit(null);
                index.refresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the paper index", e);
        }
    }

    /** Removes a paper (a tombstone on the compacted topic). */
    public void delete(String paperId) {
        synchronized (index) {
            try {
                remove(List.of(paperId));
                index.commit(null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete from the paper index", e);
            }
        }
    }

    /** Removes papers' documents, visible at once; the caller holds the lock and decides when it is committed. */
    private void remove(Collection<String> paperIds) throws IOException {
        for (String paperId : paperIds) {
            index.writer().deleteDocuments(new Term(PaperDocuments.ID, paperId));
        }
        index.refresh();
        // The newest paper names the serving model: with it gone, the next newest does (a merged or retracted
        // paper must not leave ranking restricted to a model no paper has any more).
        index.resetModel(false);
    }

    /** Empties the index; it counts as incomplete until {@link #markComplete()}. */
    public void clear() {
        synchronized (index) {
            try {
                index.writer().deleteAll();
                index.centres(ModelCentres.NONE);
                comparedAt.clear();
                index.commit(false);
                index.refresh();
                index.resetModel(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the paper index", e);
            }
        }
    }

    /** Records that the index holds everything the topic held when a replay started. */
    public void markComplete() {
        synchronized (index) {
            try {
                index.commit(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the paper index", e);
            }
        }
    }

    /**
     * Marks the index complete after a replay that read the papers topic up to {@code replayedTo} (per partition):
     * a snapshot of it covers at least that much, whatever the consumer group has committed.
     */
    public void markComplete(Map<Integer, Long> replayedTo) {
        synchronized (index) {
            try {
                index.commitReplayed(replayedTo);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the paper index", e);
            }
        }
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
}
