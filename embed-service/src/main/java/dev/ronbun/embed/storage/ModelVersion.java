package dev.ronbun.embed.storage;

import java.time.Instant;

/**
 * A model version as recorded in {@code model_versions}.
 *
 * @param version     the model fingerprint stored with every vector
 * @param modelId     the model's name
 * @param state       building, serving or retired
 * @param fromVersion the version that was serving when a re-embed to this one started; null for the first model
 * @param startedAt   when the re-embed to this version started (or when the first model began serving)
 * @param completedAt when every paper had been published with this version; null while building or publishing
 * @param done        summaries with a vector of this version, at the last progress update
 * @param total       summaries stored, at the last progress update
 */
public record ModelVersion(String version, String modelId, ModelVersionState state, String fromVersion,
                           Instant startedAt, Instant completedAt, long done, long total) {

    public boolean isServing() {
        return state == ModelVersionState.SERVING;
    }

    public boolean isComplete() {
        return completedAt != null;
    }
}
