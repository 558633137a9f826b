package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.config.RecommendConfig;
import java.time.Duration;

/**
 * The ranking knobs, documented with their defaults in {@link RecommendConfig.Ranking}.
 *
 * @param diversify      false turns maximal marginal relevance off (evaluation only), ranking by relevance alone
 * @param charGramWeight       weight of the character n-gram TF-IDF cosine added to the fused score of related papers
 * @param readerCharGramWeight the same for a reader's recommendations (the cosine to an interest's papers)
 * @param relatedMmrLambda     the MMR trade-off for related papers, apart from {@code mmrLambda} (readers)
 * @param mutual               the mutual-neighbour bonus of related papers
 */
public record RankingSettings(ScoreFusion fusion, int candidates, double mmrLambda, int maxInterests, Duration recencyHalfLife,
                              double dismissPenalty, boolean diversify, double charGramWeight,
                              double readerCharGramWeight, double relatedMmrLambda, Mutual mutual) {

    /** See {@link RecommendConfig.MutualNeighbours}; a weight of 0 turns the bonus off. */
    public record Mutual(double weight, int candidates, int depth) {
        public static final Mutual OFF = new Mutual(0, 0, 0);

        boolean on() {
            return weight > 0 && candidates > 0 && depth > 0;
        }
    }

    public static final RankingSettings DEFAULTS = new RankingSettings(new ConvexCombination(1.0), 100, 0.7, 3,
            Duration.ofDays(30), 0.5, true, 4.0, 0.0, 0.95, new Mutual(2.0, 10, 10));

    public static RankingSettings from(RecommendConfig.Ranking config) {
        return new RankingSettings(ScoreFusion.of(config.fusion(), config.textWeight(), config.rrfK()),
                config.candidates(), config.mmrLambda(), config.maxInterests(),
                config.recencyHalfLife(), config.dismissPenalty(), true, config.charGramWeight(),
                config.readerCharGramWeight(), config.relatedMmrLambda(),
                new Mutual(config.mutual().weight(), config.mutual().candidates(), config.mutual().depth()));
    }

    public RankingSettings withDiversify(boolean on) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty, on,
                charGramWeight, readerCharGramWeight, relatedMmrLambda, mutual);
    }

    public RankingSettings withFusion(ScoreFusion other) {
        return new RankingSettings(other, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight, relatedMmrLambda, mutual);
    }

    public RankingSettings withCharGramWeights(double related, double reader) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, related, reader, relatedMmrLambda, mutual);
    }

    public RankingSettings withRelatedMmrLambda(double lambda) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight, lambda, mutual);
    }

    public RankingSettings withMutual(Mutual other) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight, relatedMmrLambda, other);
    }

    /** Diversification of a reader's recommendations as configured; without it, relevance alone orders the list. */
    MaximalMarginalRelevance mmr() {
        return new MaximalMarginalRelevance(diversify ? mmrLambda : 1.0);
    }

    /** The same for related papers, which are tuned apart: one paper's neighbours need less spreading than interests. */
    MaximalMarginalRelevance relatedMmr() {
        return new MaximalMarginalRelevance(diversify ? relatedMmrLambda : 1.0);
    }

    /** How much a signal of this age still counts: 1 now, 1/2 after one half-life. */
    double decay(Duration age) {
        if (age.isNegative() || recencyHalfLife.isZero()) {
            return 1.0;
        }
        return Math.pow(0.5, (double) age.toSeconds() / recencyHalfLife.toSeconds());
    }
}
