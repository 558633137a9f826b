package dev.ronbun.embed.embedding;

/**
 * A passage of a paper small enough for the model.
 *
 * @param part   which part of the paper it comes from, which sets its weight
 * @param text   the passage as it will be embedded (before the model's own preparation)
 * @param tokens tokens the model will see, capped at its limit
 */
record PaperChunk(Part part, String text, int tokens) {

    enum Part { TITLE, SUMMARY, BODY }
}
