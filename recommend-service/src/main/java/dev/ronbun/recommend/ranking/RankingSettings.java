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
 */
public record RankingSettings(ScoreFusion fusion, int candidates, double mmrLambda, int maxInterests, Duration recencyHalfLife,
                              double dismissPenalty, boolean diversify, double charGramWeight,
                              double readerCharGramWeight, double relatedMmrLambda) {

    public static final RankingSettings DEFAULTS = new RankingSettings(new ConvexCombination(1.0), 100, 0.7, 3,
            Duration.ofDays(30), 0.5, true, 4.0, 0.0, 0.9);

    public static RankingSettings from(RecommendConfig.Ranking config) {
        return new RankingSettings(ScoreFusion.of(config.fusion(), config.textWeight(), config.rrfK()),
                config.candidates(), config.mmrLambda(), config.maxInterests(),
                config.recencyHalfLife(), config.dismissPenalty(), true, config.charGramWeight(),
                config.readerCharGramWeight(), config.relatedMmrLambda());
    }

    public RankingSettings withDiversify(boolean on) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty, on,
                charGramWeight, readerCharGramWeight, relatedMmrLambda);
    }

    public RankingSettings withFusion(ScoreFusion other) {
        return new RankingSettings(other, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight, relatedMmrLambda);
    }

    public RankingSettings withCharGramWeights(double related, double reader) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, related, reader, relatedMmrLambda);
    }

    public RankingSettings withRelatedMmrLambda(double lambda) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight, lambda);
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
