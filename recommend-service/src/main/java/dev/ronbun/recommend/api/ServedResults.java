package dev.ronbun.recommend.api;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.ranking.OwnNeighbours;
import dev.ronbun.recommend.readers.PaperSignal;
import dev.ronbun.recommend.readers.ReaderProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The caches in front of the two most requested rankings, and of each paper's own closest papers, which related lists
 * read for their mutual-neighbour bonus. They keep the items as the API shows them (ids, titles,
 * scores, why), not the papers behind them, so that an entry is small and cheap for the garbage collector. Related
 * papers depend only on the index: an entry holds until the index changes its paper or a paper it lists, or its paper
 * gains a new neighbour ({@link ChangedPapers}), so a new paper recomputes only the lists it can enter; those are
 * served as they were while they are recomputed in the background, for a short grace, so that arriving papers do not
 * put their recomputation on readers' requests (a written or removed paper they show is never served). A reader's
 * recommendations also depend on their profile (history and chosen keywords), which is loaded on every request anyway
 * (so a reading event recorded by any instance is seen at once) and is the entry's stamp; they hold until a paper
 * listed or read changes, or a paper read gains a new neighbour. The time to live covers what neither tracks: the
 * clock's recency decay and everyone's reading; aged entries are recomputed in the background (see
 * {@link ResultCache}).
 */
@ApplicationScoped
public class ServedResults {

    private record RelatedKey(String paperId, int k) {
    }

    private record RecommendationsKey(String readerId, int k, PaperFilter filter) {
    }

    /** What a related list has no other stamp for. */
    private static final Object INDEX_ONLY = "index";

    private final PaperIndexReader index;
    private final ChangedPapers changes;
    /** One thread recomputes aged entries: at most one core goes to refreshing, whatever the request rate. */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("result-cache-refresh").daemon().factory());
    private final ResultCache<RelatedKey, List<RecommendedItem>> related;
    private final ResultCache<RecommendationsKey, List<RecommendedItem>> recommendations;
    /** Each paper's own closest papers, which the mutual-neighbour bonus of related lists reads. */
    private final ResultCache<String, List<String>> neighbours;

    public ServedResults(PaperIndexReader index, ChangedPapers changes, RecommendConfig config, MeterRegistry meters) {
        this.index = index;
        this.changes = changes;
        this.related = cache("related", config.cache(), meters, ServedResults::listed);
        this.recommendations = cache("recommendations", config.cache(), meters, ServedResults::listed);
        this.neighbours = cache("neighbours", config.cache(), meters, ids -> ids);
    }

    /** One of the caches, all sized, timed and refreshed alike. */
    private <K, V> ResultCache<K, V> cache(String name, RecommendConfig.Cache cache, MeterRegistry meters,
                                           Function<V, ?> shown) {
        return new ResultCache<>(name, cache.enabled() ? cache.maxEntries() : 0, cache.ttl(),
                cache.staleWhileRefreshing(), cache.newNeighbourGrace(), meters, System::nanoTime, refresher, shown);
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.shutdownNow();
    }

    public List<RecommendedItem> related(String paperId, int k, Supplier<List<RecommendedItem>> compute) {
        return related.get(new RelatedKey(paperId, k), INDEX_ONLY, index::generation,
                (generation, items) -> changes.stalenessSince(generation, List.of(paperId), listed(items)),
                compute);
    }

    public List<RecommendedItem> recommendations(ReaderProfile profile, int k, PaperFilter filter,
                                                 Supplier<List<RecommendedItem>> compute) {
        List<String> read = profile.signals().stream().map(PaperSignal::paperId).toList();
        return recommendations.get(new RecommendationsKey(profile.readerId(), k, filter), profile, index::generation,
                (generation, items) -> changes.stalenessSince(generation, read, listed(items)), compute);
    }

    /**
     * Kept like a related list: stale once the paper gains a neighbour or one of its listed papers changes. A related
     * list that read them is not made stale by that alone (its own paper did not change); the time to live bounds how
     * long its bonus can lag.
     */
    @Produces
    @ApplicationScoped
    OwnNeighbours ownNeighbours() {
        return (paperId, compute) -> neighbours.get(paperId, INDEX_ONLY, index::generation,
                (generation, ids) -> changes.stalenessSince(generation, List.of(paperId), ids), compute);
    }

    /** True when any cache holds an entry (then a write to the index has something to make stale). */
    boolean anythingCached() {
        return related.size() > 0 || recommendations.size() > 0 || neighbours.size() > 0;
    }

    private static List<String> listed(List<RecommendedItem> items) {
        return items.stream().map(RecommendedItem::paperId).toList();
    }
}
