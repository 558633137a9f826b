package dev.ronbun.recommend.api;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.readers.PaperSignal;
import dev.ronbun.recommend.readers.ReaderProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The caches in front of the two most requested rankings. They keep the items as the API shows them (ids, titles,
 * scores, why), not the papers behind them, so that an entry is small and cheap for the garbage collector. Related
 * papers depend only on the index: an entry holds until the index changes its paper or a paper it lists, or its paper
 * gains a new neighbour ({@link ChangedPapers}), so a new paper recomputes only the lists it can enter. A reader's
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

    public ServedResults(PaperIndexReader index, ChangedPapers changes, RecommendConfig config, MeterRegistry meters) {
        this.index = index;
        this.changes = changes;
        int size = config.cache().enabled() ? config.cache().maxEntries() : 0;
        RecommendConfig.Cache cache = config.cache();
        this.related = new ResultCache<>("related", size, cache.ttl(), cache.staleWhileRefreshing(), meters,
                System::nanoTime, refresher, ServedResults::listed);
        this.recommendations = new ResultCache<>("recommendations", size, cache.ttl(), cache.staleWhileRefreshing(),
                meters, System::nanoTime, refresher, ServedResults::listed);
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.shutdownNow();
    }

    public List<RecommendedItem> related(String paperId, int k, Supplier<List<RecommendedItem>> compute) {
        return related.get(new RelatedKey(paperId, k), INDEX_ONLY, index.generation(),
                (generation, items) -> changes.unchangedSince(generation, List.of(paperId), listed(items)),
                compute);
    }

    public List<RecommendedItem> recommendations(ReaderProfile profile, int k, PaperFilter filter,
                                                 Supplier<List<RecommendedItem>> compute) {
        List<String> read = profile.signals().stream().map(PaperSignal::paperId).toList();
        return recommendations.get(new RecommendationsKey(profile.readerId(), k, filter), profile, index.generation(),
                (generation, items) -> changes.unchangedSince(generation, read, listed(items)), compute);
    }

    /** True when either cache holds an entry (then a write to the index has something to make stale). */
    boolean anythingCached() {
        return related.size() > 0 || recommendations.size() > 0;
    }

    private static List<String> listed(List<RecommendedItem> items) {
        return items.stream().map(RecommendedItem::paperId).toList();
    }
}
