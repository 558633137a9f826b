package dev.ronbun.faults.ingestion;

import dev.ronbun.faults.documents.SyntheticDocument;

/**
 * How posting one document ended.
 *
 * @param status    the final HTTP status (202 published, 200 already ingested), or 0 when it never got through
 * @param duplicate what ingest answered in {@code duplicate}: true when an earlier attempt had already been recorded
 * @param attempts  how many times it was posted; more than one when the service was down, answered 5xx or the
 *                  connection broke
 * @param lastError the last failure before the final answer, for the report
 */
public record Submission(SyntheticDocument document, int status, boolean duplicate, int attempts, String lastError) {

    public boolean accepted() {
        return status == 200 || status == 202;
    }
}
