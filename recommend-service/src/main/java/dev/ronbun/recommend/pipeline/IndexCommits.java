package dev.ronbun.recommend.pipeline;

import dev.ronbun.recommend.index.PaperIndexWriter;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The live consumer's group commit: every {@code ronbun.recommend.index.commit-interval} (default 1 s), and when the
 * service stops, whatever it wrote since the last commit is committed with the offsets it came from. Until then the
 * writes are searchable but not durable; a crash loses at most that interval, which the restart replays from the
 * topic.
 */
@ApplicationScoped
public class IndexCommits {

    private static final Logger LOG = Logger.getLogger(IndexCommits.class);

    private final PaperIndexWriter index;

    public IndexCommits(PaperIndexWriter index) {
        this.index = index;
    }

    @Scheduled(identity = "index-commit", every = "${ronbun.recommend.index.commit-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void commit() {
        index.commitIfWritten();
    }

    @PreDestroy
    void commitBeforeStopping() {
        try {
            index.commitIfWritten();
        } catch (RuntimeException e) {
            // the index closed first (closing commits what it holds); the next start replays the tail either way
            LOG.debugf(e, "no group commit at shutdown");
        }
    }
}
