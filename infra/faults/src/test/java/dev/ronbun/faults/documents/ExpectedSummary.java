package dev.ronbun.faults.documents;

import dev.ronbun.contracts.PaperIdentity;

/**
 * A summary that must end up in embed-service's database exactly once.
 *
 * @param summaryId document id + {@code #} + position, as {@code SummaryEvent#summaryId()} derives it
 * @param paperKey  the paper it summarises ({@code arxiv:<id>})
 */
public record ExpectedSummary(String summaryId, String paperKey) {

    public String paperId() {
        return PaperIdentity.paperId(paperKey);
    }
}
