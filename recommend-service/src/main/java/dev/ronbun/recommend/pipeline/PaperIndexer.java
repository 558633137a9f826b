package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperIndex;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.util.List;

/**
 * Keeps the index in step with the compacted {@code ronbun.papers.v1}: every record replaces the paper's document.
 * The index is committed before the offset, so a crash re-indexes at most what was not yet committed (an upsert,
 * hence harmless). A record that is not a valid paper event goes to {@code ronbun.papers.v1.dlq} with the reason.
 */
@ApplicationScoped
public class PaperIndexer {

    private final PaperIndex index;

    public PaperIndexer(PaperIndex index) {
        this.index = index;
    }

    @Incoming("papers")
    @Blocking
    public void index(String value) {
        PaperEvent paper = EventJson.readPaper(value);
        index.upsert(List.of(paper));
    }
}
