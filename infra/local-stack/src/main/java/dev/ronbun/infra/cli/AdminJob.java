package dev.ronbun.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.infra.services.RonbunService;

/**
 * An admin job of a running service that {@code ./ronbun} starts and follows: where it lives, and how its status
 * (the JSON the job's endpoint answers to POST and GET) reads as progress: a phase with a count, or how it ended.
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
                case "merging" -> JobProgress.running("merging segments", number(status, "recordsRead"),
                        number(status, "recordsTotal"), "all records read");
                default -> JobProgress.running("re-indexing records", number(status, "recordsRead"),
                        number(status, "recordsTotal"), text(status, "papersIndexed") + " papers");
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
                return JobProgress.running("re-embedding summaries", number(status, "done"),
                        number(status, "total"), "");
            }
            return JobProgress.running("publishing papers", number(status, "papersPublished"),
                    number(status, "papersToPublish"), "");
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

    /** A count of the status, 0 when it lacks it (the job has not counted yet). */
    private static long number(JsonNode status, String field) {
        return status.path(field).asLong(0);
    }

    /** A field as the old script printed it: the value, or empty when the status lacks it. */
    private static String text(JsonNode status, String field) {
        JsonNode value = status.path(field);
        return value.isMissingNode() ? "" : value.asText();
    }
}
