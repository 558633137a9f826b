package dev.ronbun.recommend.api;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
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
 * papers depend only on the index, so they are stamped with its generation; a reader's recommendations also on their
 * profile (history and chosen keywords), which is loaded on every request anyway (so a reading event recorded by any
 * instance is seen at once) and becomes part of the stamp. The time to live covers what neither tracks: the clock's
 * recency decay and everyone's reading; aged entries are recomputed in the background (see {@link ResultCache}).
 */
@ApplicationScoped
public class ServedResults {

    private record RelatedKey(String paperId, int k) {
    }

    private record RecommendationsKey(String readerId, int k, PaperFilter filter) {
    }

    private record ProfileStamp(long generation, ReaderProfile profile) {
    }

    private final PaperIndexReader index;
    /** One thread recomputes aged entries: at most one core goes to refreshing, whatever the request rate. */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("result-cache-refresh").daemon().factory());
    private final ResultCache<RelatedKey, List<RecommendedItem>> related;
    private final ResultCache<RecommendationsKey, List<RecommendedItem>> recommendations;

    public ServedResults(PaperIndexReader index, RecommendConfig config, MeterRegistry meters) {
        this.index = index;
        int size = config.cache().enabled() ? config.cache().maxEntries() : 0;
        RecommendConfig.Cache cache = config.cache();
        this.related = new ResultCache<>("related", size, cache.ttl(), cache.staleWhileRefreshing(), meters,
                System::nanoTime, refresher);
        this.recommendations = new ResultCache<>("recommendations", size, cache.ttl(), cache.staleWhileRefreshing(),
                meters, System::nanoTime, refresher);
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.shutdownNow();
    }

    public List<RecommendedItem> related(String paperId, int k, Supplier<List<RecommendedItem>> compute) {
        return related.get(new RelatedKey(paperId, k), index.generation(), compute);
    }

    public List<RecommendedItem> recommendations(ReaderProfile profile, int k, PaperFilter filter,
                                                 Supplier<List<RecommendedItem>> compute) {
        return recommendations.get(new RecommendationsKey(profile.readerId(), k, filter),
                new ProfileStamp(index.generation(), profile), compute);
    }
}
