package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.config.RecommendConfig;
import java.time.Duration;

/**
 * The ranking knobs, documented with their defaults in {@link RecommendConfig.Ranking}.
 *
 * @param diversify      false turns maximal marginal relevance off (evaluation only), ranking by relevance alone
 * @param charGramWeight       weight of the character n-gram TF-IDF cosine added to the fused score of related papers
 * @param readerCharGramWeight the same for a reader's recommendations (the cosine to an interest's papers)
 */
public record RankingSettings(ScoreFusion fusion, int candidates, double mmrLambda, int maxInterests, Duration recencyHalfLife,
                              double dismissPenalty, boolean diversify, double charGramWeight,
                              double readerCharGramWeight) {

    public static final RankingSettings DEFAULTS = new RankingSettings(new ConvexCombination(1.0), 100, 0.7, 3,
            Duration.ofDays(30), 0.5, true, 2.0, 0.0);

    public static RankingSettings from(RecommendConfig.Ranking config) {
        return new RankingSettings(ScoreFusion.of(config.fusion(), config.textWeight(), config.rrfK()),
                config.candidates(), config.mmrLambda(), config.maxInterests(),
                config.recencyHalfLife(), config.dismissPenalty(), true, config.charGramWeight(),
                config.readerCharGramWeight());
    }

    public RankingSettings withDiversify(boolean on) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty, on,
                charGramWeight, readerCharGramWeight);
    }

    public RankingSettings withFusion(ScoreFusion other) {
        return new RankingSettings(other, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, charGramWeight, readerCharGramWeight);
    }

    public RankingSettings withCharGramWeights(double related, double reader) {
        return new RankingSettings(fusion, candidates, mmrLambda, maxInterests, recencyHalfLife, dismissPenalty,
                diversify, related, reader);
    }

    /** Diversification as configured; without it, relevance alone orders the list. */
    MaximalMarginalRelevance mmr() {
        return new MaximalMarginalRelevance(diversify ? mmrLambda : 1.0);
    }

    /** How much a signal of this age still counts: 1 now, 1/2 after one half-life. */
    double decay(Duration age) {
        if (age.isNegative() || recencyHalfLife.isZero()) {
            return 1.0;
        }
        return Math.pow(0.5, (double) age.toSeconds() / recencyHalfLife.toSeconds());
    }
}
