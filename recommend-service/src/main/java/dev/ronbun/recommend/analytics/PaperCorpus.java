package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The indexed papers as the analytics see them: read from the index once per index version (newest first, at most
 * {@code ronbun.analytics.max-papers}) and shared by the weekly counts, the keyword trends and the topic map.
 */
@ApplicationScoped
public class PaperCorpus {

    /** A paper re-indexed with a new summary leaves the version unchanged; re-reading now and then picks it up. */
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final PaperIndexReader index;
    private final AnalyticsConfig config;
    private Snapshot cached;

    public PaperCorpus(PaperIndexReader index, AnalyticsConfig config) {
        this.index = index;
        this.config = config;
    }

    /** The papers of the current index version; the same list instance while the version stays the same. */
    public synchronized Snapshot snapshot() {
        IndexVersion version = IndexVersion.of(index);
        long now = System.nanoTime();
        if (cached == null || !cached.version().equals(version) || now - cached.readAt() > MAX_AGE.toNanos()) {
            List<PaperEvent> papers = index.list(PaperFilter.NONE, 0, config.maxPapers()).papers();
            cached = new Snapshot(version, List.copyOf(papers), now);
        }
        return cached;
    }

    /** The papers at one moment, and the index version they were read at. */
    public record Snapshot(IndexVersion version, List<PaperEvent> papers, long readAt) {
    }
}
