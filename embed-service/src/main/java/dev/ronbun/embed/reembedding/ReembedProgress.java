package dev.ronbun.embed.reembedding;

import java.time.Instant;

/**
 * How far the corpus is from being served by the configured model, as {@code GET /api/admin/reembed} shows it.
 *
 * @param state           the configured version's state: building, serving or retired; pending before it is recorded
 * @param modelId         the configured model
 * @param fromVersion     the version that served when the re-embed to this one started; null for the first model
 * @param toVersion       the configured model's version
 * @param done            summaries that have a vector of {@code toVersion}
 * @param total           summaries stored
 * @param startedAt       when the re-embed started
 * @param completedAt     when every paper had been republished with {@code toVersion}; null until then
 * @param running         whether the job is running in this process now
 * @param papersPublished papers republished so far after the switch, by the job in this process
 * @param papersToPublish papers to republish after the switch; 0 before it
 * @param error           why the last run in this process stopped short, or null
 */
public record ReembedProgress(String state, String modelId, String fromVersion, String toVersion, long done,
                              long total, Instant startedAt, Instant completedAt, boolean running,
                              long papersPublished, long papersToPublish, String error) {
}
