package dev.ronbun.recommend.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.SignalHits;
import dev.ronbun.recommend.index.VectorCentre;
import dev.ronbun.recommend.pipeline.PapersChanged;
import dev.ronbun.recommend.ranking.NextToRead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Which cached results a write to the index may have changed, so that a new paper costs the caches only the entries
 * it can change, not all of them. A write leaves two kinds of marks, at the write's generation:
 * <ul>
 * <li>the written or removed paper itself <em>changed</em>: any list that shows it, or was ranked from it (its related
 * papers, the recommendations of a reader who read it), is stale;</li>
 * <li>a written paper is a new <em>neighbour</em> of its own nearest papers (the configured number by vector and as
 * many by text, the two signals related papers are ranked from) and of the papers it links to or that link to it:
 * the lists ranked from those papers may now take it in, while lists that merely show them do not change.</li>
 * </ul>
 * A related list is stale when its paper or a paper it lists changed, or its paper has a new neighbour; a reader's
 * list when a paper read or listed changed, or a paper read has a new neighbour. A new paper that would enter a list
 * is, but for the ranking's asymmetry, among the neighbours of the paper the list was ranked from. What no mark catches
 * (a paper ranked in from beyond its neighbours, document frequencies drifting) is bounded by the caches' time to
 * live. A replay, or a re-centring of a model's vectors, changes everything.
 *
 * <p>Finding a paper's neighbours costs the two searches of a related-papers request. So that a flood of papers (a
 * re-embed, a large import) does not spend the service's CPU on it, marking takes at most a tenth of the clock's time
 * on average: a budget of CPU time fills at a tenth of the wall clock, up to ten seconds' worth (one second of CPU), and
 * each marking spends its cost; a write that finds the budget spent changes everything instead. A budget rather than
 * a spacing after each marking, so that one dear marking (a fresh searcher, a batch of papers) during steady ingest
 * does not drop every cache, which costs far more than marking does. CPU time, not wall time, because on a busy
 * machine the searches wait for a core as long as they run, and a guard on wall time would then drop every cache just
 * when recomputing costs most. With nothing cached there is nothing to mark either.
 *
 * <p>Marks older than the longest an entry lives are forgotten; one dropped for room moves the floor instead, so a
 * forgotten mark can only make entries stale too early, never serve them too late.
 */
@ApplicationScoped
public class ChangedPapers {

    /** A tenth of the clock's time at most goes to finding neighbours, on average over {@link #MARKING_WINDOW}. */
    static final double MARKING_SHARE = 0.1;
    /** How long the marking budget may save up for: a burst of marks may spend this long's share at once. */
    static final Duration MARKING_WINDOW = Duration.ofSeconds(10);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PaperIndexReader index;
    private final PaperCandidates candidates;
    private final NextToRead links;
    private final int neighbours;
    /** Paper id → the generation at which it was last written or removed. */
    private final Cache<String, Long> changedAt;
    /** Paper id → the generation at which a paper was last written near it (or linked to or from it). */
    private final Cache<String, Long> neighbouredAt;
    /** Everything computed before this generation is stale. */
    private final AtomicLong floor = new AtomicLong();
    private final Map<String, VectorCentre> centres = new ConcurrentHashMap<>();
    private final BooleanSupplier anythingCached;
    private final LongSupplier cpuClock;
    /** CPU nanoseconds marking may still spend (negative: overspent); refilled at the share of the wall clock. */
    private double budgetNanos;
    private final double budgetCapacityNanos;
    private final double markingShare;
    /** When (System.nanoTime) the budget was last refilled. */
    private long budgetAtNanos = System.nanoTime();
    private final Counter marked;
    private final Counter neighboured;
    private final Counter everything;

    @Inject
    public ChangedPapers(PaperIndexReader index, PaperCandidates candidates, RecommendConfig config,
                         MeterRegistry meters, Instance<ServedResults> served) {
        this(index, candidates, config.cache().invalidationNeighbours(),
                config.cache().ttl().plus(config.cache().staleWhileRefreshing()),
                Math.max(1_000, 20L * config.cache().maxEntries()), MARKING_SHARE, meters,
                () -> served.get().anythingCached(), ChangedPapers::threadCpuNanos);
    }

    /**
     * @param neighbours   how many of a written paper's nearest papers, by each signal, gain it as a neighbour
     * @param remember     how long a mark is kept: the longest a cached entry lives
     * @param mostMarks    how many marks of each kind are kept; dropping one for room moves the floor
     * @param markingShare the most of the clock's time that finding neighbours may take on average, in (0, 1]
     * @param cpuClock     the marking thread's CPU time in nanoseconds (what the share is counted in)
     */
    ChangedPapers(PaperIndexReader index, PaperCandidates candidates, int neighbours, Duration remember,
                  long mostMarks, double markingShare, MeterRegistry meters, BooleanSupplier anythingCached,
                  LongSupplier cpuClock) {
        this.markingShare = markingShare;
        this.budgetCapacityNanos = markingShare * MARKING_WINDOW.toNanos();
        this.budgetNanos = budgetCapacityNanos;
        this.index = index;
        this.anythingCached = anythingCached;
        this.cpuClock = cpuClock;
        this.candidates = candidates;
        this.links = new NextToRead(candidates);
        this.neighbours = neighbours;
        this.changedAt = marks(remember, mostMarks);
        this.neighbouredAt = marks(remember, mostMarks);
        this.marked = Counter.builder("ronbun.recommend.cache.changed-papers")
                .description("Papers marked as changed by a write to the index (written or removed)")
                .register(meters);
        this.neighboured = Counter.builder("ronbun.recommend.cache.neighboured-papers")
                .description("Papers marked as having a new neighbour by a write to the index (its nearest, its links)")
                .register(meters);
        this.everything = Counter.builder("ronbun.recommend.cache.changed-everything")
                .description("Writes that counted every cached result as changed (a replay, a re-centring, a flood)")
                .register(meters);
    }

    private Cache<String, Long> marks(Duration remember, long mostMarks) {
        return Caffeine.newBuilder()
                .expireAfterWrite(remember)
                .maximumSize(mostMarks)
                .executor(Runnable::run)
                .removalListener((String id, Long generation, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && generation != null) {
                        floor.accumulateAndGet(generation, Math::max);
                    }
                })
                .build();
    }

    /** The calling thread's CPU time, or the wall clock where the JVM cannot measure it. */
    private static long threadCpuNanos() {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
    }

    void onChange(@Observes PapersChanged change) {
        if (change.everything() || !withinBudget() || !anythingCached.getAsBoolean()) {
            changeEverything(change.generation());
            return;
        }
        long start = cpuClock.getAsLong();
        Set<String> changed = new LinkedHashSet<>(change.removed());
        Set<String> near = new LinkedHashSet<>();
        for (PaperEvent paper : change.written()) {
            if (recentred(PaperDocuments.modelOf(paper))) {
                changeEverything(change.generation());
                return;
            }
            changed.add(paper.paperId());
            changed.addAll(paper.formerIds());
            SignalHits hits = candidates.forPaper(paper, neighbours, true, true);
            hits.byVector().stream().map(ScoredPaper::paperId).forEach(near::add);
            hits.byText().stream().map(ScoredPaper::paperId).forEach(near::add);
            NextToRead.Links linked = links.links(paper);
            near.addAll(linked.named());
            near.addAll(linked.naming());
        }
        changed.forEach(id -> changedAt.asMap().merge(id, change.generation(), Math::max));
        near.forEach(id -> neighbouredAt.asMap().merge(id, change.generation(), Math::max));
        marked.increment(changed.size());
        neighboured.increment(near.size());
        budgetNanos -= cpuClock.getAsLong() - start;
    }

    /** Refills the marking budget for the time since the last write; true while some of it is left to spend. */
    private boolean withinBudget() {
        long now = System.nanoTime();
        budgetNanos = Math.min(budgetCapacityNanos, budgetNanos + markingShare * (now - budgetAtNanos));
        budgetAtNanos = now;
        return budgetNanos > 0;
    }

    /**
     * What changed for a result computed at {@code generation}: {@link Staleness#CHANGED} when everything did, or a
     * paper it was ranked from or lists was written or removed; else {@link Staleness#NEW_NEIGHBOUR} when a paper it
     * was ranked from gained a neighbour (a new paper may belong in it; what it shows still holds); else
     * {@link Staleness#NONE}: nothing it depends on changed.
     *
     * @param rankedFrom the papers the result was ranked from: a related list's own paper, a reader's history
     * @param listed     the papers the result shows
     */
    public Staleness stalenessSince(long generation, Collection<String> rankedFrom, Collection<String> listed) {
        if (generation < floor.get()) {
            return Staleness.CHANGED;
        }
        boolean neighboured = false;
        for (String id : rankedFrom) {
            if (after(changedAt, id, generation)) {
                return Staleness.CHANGED;
            }
            neighboured |= after(neighbouredAt, id, generation);
        }
        for (String id : listed) {
            if (after(changedAt, id, generation)) {
                return Staleness.CHANGED;
            }
        }
        return neighboured ? Staleness.NEW_NEIGHBOUR : Staleness.NONE;
    }

    private static boolean after(Cache<String, Long> marks, String id, long generation) {
        Long at = marks.getIfPresent(id);
        return at != null && at > generation;
    }

    private void changeEverything(long generation) {
        floor.accumulateAndGet(generation, Math::max);
        everything.increment();
    }

    /** True when the model's vectors were centred anew since the last write seen (every cosine moved). */
    private boolean recentred(String model) {
        VectorCentre now = index.centre(model);
        VectorCentre before = centres.put(model, now);
        return before != null && before.mean() != now.mean(); // a new mean is a new array; none has none
    }
}
