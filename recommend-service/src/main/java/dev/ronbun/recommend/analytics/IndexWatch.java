package dev.ronbun.recommend.analytics;

import dev.ronbun.recommend.index.PaperIndexReader;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Tells open pages when papers arrive. It looks at the index every {@code ronbun.analytics.index-poll-interval}
 * rather than hooking into indexing, so the pipeline needs no change to feed the UI.
 */
@Startup
@ApplicationScoped
public class IndexWatch {

    private static final Logger LOG = Logger.getLogger(IndexWatch.class);

    private final PaperIndexReader index;
    private final AnalyticsConfig config;
    private final BroadcastProcessor<IndexVersion> changes = BroadcastProcessor.create();
    private volatile IndexVersion current;
    private Cancellable polling;

    public IndexWatch(PaperIndexReader index, AnalyticsConfig config) {
        this.index = index;
        this.config = config;
    }

    @PostConstruct
    void start() {
        current = IndexVersion.of(index);
        polling = Multi.createFrom().ticks().every(config.indexPollInterval())
                .subscribe().with(tick -> poll(), failure -> LOG.warn("watching the paper index stopped", failure));
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel();
        }
        changes.onComplete();
    }

    /** The current version first, then every later one as it is seen. */
    public Multi<IndexVersion> versions() {
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> current),
                changes.onOverflow().drop());
    }

    private void poll() {
        try {
            IndexVersion seen = IndexVersion.of(index);
            if (!seen.equals(current)) {
                current = seen;
                changes.onNext(seen);
            }
        } catch (RuntimeException e) {
            // The index is closing (shutdown) or briefly unreadable; the next tick tries again.
            LOG.debugf(e, "could not read the paper index version");
        }
    }
}
