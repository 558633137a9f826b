package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.events.PaperEvent;
import java.util.List;

/**
 * What one write to the index changed, fired (as a CDI event) once the write is visible to searches, for whoever
 * keeps results computed from the index (the result caches, see {@code api.ChangedPapers}).
 *
 * @param written    papers added or replaced
 * @param removed    ids of papers taken out (tombstones, records merged into another work)
 * @param everything true when the write may have changed any result (a replay of the topic)
 * @param generation the index generation at which the write became visible
 */
public record PapersChanged(List<PaperEvent> written, List<String> removed, boolean everything, long generation) {

    public PapersChanged {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    static PapersChanged removed(List<String> paperIds, long generation) {
        return new PapersChanged(List.of(), paperIds, false, generation);
    }

    static PapersChanged everything(long generation) {
        return new PapersChanged(List.of(), List.of(), true, generation);
    }
}
