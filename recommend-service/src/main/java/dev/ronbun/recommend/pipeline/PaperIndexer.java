package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.recommend.index.PaperIndex;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the index in step with the compacted {@code ronbun.papers.v1}: every record replaces the paper's document
 * and a tombstone (null value) removes it. The index is committed before the offset, so a crash re-indexes at most
 * what was not yet committed (an upsert, hence harmless). A record that is not a valid paper event goes to
 * {@code ronbun.papers.v1.dlq} with the reason.
 */
@ApplicationScoped
public class PaperIndexer {

    private final PaperIndex index;

    public PaperIndexer(PaperIndex index) {
        this.index = index;
    }

    @Incoming("papers")
    @Blocking
    public void index(ConsumerRecord<String, String> record) {
        if (record.value() == null && record.key() != null) {
            index.delete(record.key());
            return;
        }
        index.upsert(List.of(EventJson.readPaper(record.value())));
    }
}
