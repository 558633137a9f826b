package dev.ronbun.faults.verification;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline holds at one moment, read from its stores rather than from its APIs' own counters.
 *
 * @param ledgerDocuments   ingest-service's ledger: document ids, one row each
 * @param paperKeys         embed-service's papers (the unique column, so a duplicate shows as a second key row
 *                          only if the schema allowed one; counted separately below)
 * @param paperRows         rows in embed-service's {@code papers}
 * @param summaries         embed-service's summaries: summary id to paper id
 * @param summaryRows       rows in embed-service's {@code summaries}
 * @param papersWithVector  papers with a vector of some model version
 * @param indexTotal        recommend-service's {@code total} of {@code GET /api/papers}, -1 when it did not answer
 * @param readingEventIds   recommend-service's stored reading events
 * @param consumerLag       records each consumer group has not yet committed, per group
 * @param deadLetters       every record on the three dead-letter topics
 */
public record PipelineSnapshot(Set<String> ledgerDocuments, Set<String> paperKeys, long paperRows,
                               Map<String, String> summaries, long summaryRows, long papersWithVector,
                               long indexTotal, Set<String> readingEventIds, Map<String, Long> consumerLag,
                               List<DeadLetter> deadLetters) {

    public long totalLag() {
        return consumerLag.values().stream().mapToLong(Long::longValue).sum();
    }
}
