package dev.ronbun.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.infra.services.RonbunService;

/**
 * An admin job of a running service that {@code ./ronbun} starts and follows: where it lives, and how its status
 * (the JSON the job's endpoint answers to POST and GET) reads as one line of progress.
 */
enum AdminJob {

    /** recommend-service rebuilds its index from {@code ronbun.papers.v1}. */
    REINDEX(RonbunService.RECOMMEND, "/api/admin/reindex") {
        @Override
        JobProgress describe(JsonNode status) {
            return switch (status.path("state").asText()) {
                case "done" -> JobProgress.done("re-index complete: " + text(status, "papersIndexed")
                        + " papers indexed from " + text(status, "recordsRead") + " records, "
                        + text(status, "segments") + " segment(s)");
                case "failed" -> JobProgress.failed("re-index failed: " + text(status, "error"));
                case "merging" -> JobProgress.running("re-indexing: all " + text(status, "recordsRead")
                        + " records read; merging the index's segments");
                default -> JobProgress.running("re-indexing: " + text(status, "recordsRead") + "/"
                        + text(status, "recordsTotal") + " records, " + text(status, "papersIndexed") + " papers");
            };
        }
    },

    /** embed-service re-embeds every summary with the configured model and publishes the papers again. */
    REEMBED(RonbunService.EMBED, "/api/admin/reembed") {
        @Override
        JobProgress describe(JsonNode status) {
            if (!status.path("running").asBoolean()) {
                JsonNode error = status.path("error");
                if (!error.isMissingNode() && !error.isNull() && !error.asText().isEmpty()) {
                    return JobProgress.failed("re-embed failed: " + error.asText());
                }
                return JobProgress.done("re-embed complete: model " + text(status, "modelId") + " version "
                        + text(status, "toVersion") + " serves " + text(status, "total") + " summaries");
            }
            if (status.path("state").asText().equals("building")) {
                return JobProgress.running("re-embedding: " + text(status, "done") + "/" + text(status, "total")
                        + " summaries");
            }
            return JobProgress.running("publishing: " + text(status, "papersPublished") + "/"
                    + text(status, "papersToPublish") + " papers");
        }
    };

    private final RonbunService service;
    private final String path;

    AdminJob(RonbunService service, String path) {
        this.service = service;
        this.path = path;
    }

    RonbunService service() {
        return service;
    }

    String path() {
        return path;
    }

    abstract JobProgress describe(JsonNode status);

    /** A field as the old script printed it: the value, or empty when the status lacks it. */
    private static String text(JsonNode status, String field) {
        JsonNode value = status.path(field);
        return value.isMissingNode() ? "" : value.asText();
    }
}
