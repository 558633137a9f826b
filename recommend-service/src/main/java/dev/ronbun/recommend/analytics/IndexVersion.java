package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperPage;
import java.time.Instant;

/**
 * What the paper index holds, in brief: how many papers and which arrived last. Two versions differ when papers
 * arrived, which is what open pages are told about.
 */
public record IndexVersion(long papers, String newestPaperId, Instant newestFirstSeenAt) {

    public static IndexVersion of(PaperIndexReader index) {
        PaperPage newest = index.list(PaperFilter.NONE, 0, 1);
        if (newest.papers().isEmpty()) {
            return new IndexVersion(newest.total(), null, null);
        }
        PaperEvent paper = newest.papers().getFirst();
        return new IndexVersion(newest.total(), paper.paperId(), paper.firstSeenAt());
    }
}
