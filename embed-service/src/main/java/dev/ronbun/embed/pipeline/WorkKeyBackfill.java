package dev.ronbun.embed.pipeline;

import dev.ronbun.embed.storage.StoredPapers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Papers stored before work title keys were kept (issue 19) have none, so a later summary of the same work would not
 * find them: at start-up, in the background, each such paper is joined to its work once, merging the records of one
 * work that earlier versions kept apart. Papers whose titles are too short to give a key are looked at again at the
 * next start, which finds nothing to do for them.
 */
@ApplicationScoped
public class WorkKeyBackfill {

    private static final Logger LOG = Logger.getLogger(WorkKeyBackfill.class);
    private static final int PAGE = 100;

    private final StoredPapers store;
    private final SummaryProcessing processing;

    public WorkKeyBackfill(StoredPapers store, SummaryProcessing processing) {
        this.store = store;
        this.processing = processing;
    }

    void onStart(@Observes StartupEvent start) {
        Thread.ofVirtual().name("work-key-backfill").start(() -> {
            try {
                int joined = run();
                if (joined > 0) {
                    LOG.infof("Joined %d papers stored without work title keys to their works", joined);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Joining papers stored without work title keys stopped; the next start resumes it");
            }
        });
    }

    /** @return how many papers were looked at */
    public int run() {
        int count = 0;
        UUID after = StoredPapers.FIRST_PAPER_ID;
        while (true) {
            List<UUID> page = store.papersWithoutWorkKeys(after, PAGE);
            if (page.isEmpty()) {
                return count;
            }
            for (UUID paperId : page) {
                processing.rejoinWork(paperId);
                count++;
            }
            after = page.getLast();
        }
    }
}
