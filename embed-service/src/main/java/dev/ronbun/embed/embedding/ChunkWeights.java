package dev.ronbun.embed.embedding;

/**
 * Shares of a paper's vector given to its title, its short summary and its body. A share is split among the chunks
 * of its part in proportion to their tokens, and the shares of missing parts go to the others. Title and summary
 * together get more than the whole body because they say what the paper is about in the fewest words, and because
 * fixed shares keep a 20-chunk paper from drowning its own title; every body chunk therefore weighs less than the
 * title or the summary.
 *
 * @param title   share of the title chunk (English and Japanese titles together)
 * @param summary share of the summary
 * @param body    share of all body chunks together
 */
public record ChunkWeights(double title, double summary, double body) {

    public ChunkWeights {
        if (title < 0 || summary < 0 || body < 0 || title + summary + body <= 0) {
            throw new IllegalArgumentException("chunk weights must be non-negative and not all zero");
        }
    }

    /** Title 0.35, summary 0.35, body 0.30: what {@code ronbun.embed.chunk-weights} defaults to. */
    public static ChunkWeights defaults() {
        return new ChunkWeights(0.35, 0.35, 0.30);
    }

    double of(PaperChunk.Part part) {
        return switch (part) {
            case TITLE -> title;
            case SUMMARY -> summary;
            case BODY -> body;
        };
    }
}
