package dev.ronbun.recommend.index;

import dev.ronbun.recommend.config.RecommendConfig;

/**
 * How the paper index stores vectors and text; the service takes it from {@link RecommendConfig}, the offline
 * evaluation and the benchmark build it directly.
 *
 * @param quantizedVectors  int8 scalar-quantised HNSW instead of float32 HNSW
 * @param hnswMaxConn       HNSW neighbours per node
 * @param hnswBeamWidth     HNSW candidate list size while building
 * @param moreLikeThisTerms most terms a more-like-this query takes from a paper
 * @param ramBufferMb       memory buffered before a segment is flushed
 * @param hnswSearchWidth   fewest candidates an HNSW search explores in a segment, however few hits are asked for
 */
public record IndexSettings(boolean quantizedVectors, int hnswMaxConn, int hnswBeamWidth, int moreLikeThisTerms,
                            int ramBufferMb, int hnswSearchWidth) {

    /** Lucene's HNSW defaults, float vectors, searches exploring at least 200 candidates. */
    public static final IndexSettings DEFAULTS = new IndexSettings(false, 16, 100, 25, 64, 200);

    public static IndexSettings from(RecommendConfig.Index config) {
        return new IndexSettings(config.quantizedVectors(), config.hnswMaxConn(), config.hnswBeamWidth(),
                config.moreLikeThisTerms(), config.ramBufferMb(), config.hnswSearchWidth());
    }

    public IndexSettings withQuantizedVectors(boolean quantized) {
        return new IndexSettings(quantized, hnswMaxConn, hnswBeamWidth, moreLikeThisTerms, ramBufferMb,
                hnswSearchWidth);
    }

    public IndexSettings withRamBufferMb(int megabytes) {
        return new IndexSettings(quantizedVectors, hnswMaxConn, hnswBeamWidth, moreLikeThisTerms, megabytes,
                hnswSearchWidth);
    }

    public IndexSettings withHnswSearchWidth(int width) {
        return new IndexSettings(quantizedVectors, hnswMaxConn, hnswBeamWidth, moreLikeThisTerms, ramBufferMb, width);
    }
}
