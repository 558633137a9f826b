package dev.ronbun.recommend.ranking;

import java.util.Map;

/** A candidate chosen by diversification, with its final score and all the parts behind it. */
record Selection(Candidate candidate, double score, Map<String, Double> scoreParts) {
}
