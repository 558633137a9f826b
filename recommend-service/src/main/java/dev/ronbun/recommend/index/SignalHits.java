package dev.ronbun.recommend.index;

import java.util.List;
import java.util.Set;

/**
 * What the index found for one ranking's request, signal by signal, best first in each: the papers nearest to a
 * vector and the papers a text search (BM25 or more-like-this) found, with the terms that search used (which
 * explanations reuse).
 *
 * @param vector   the centred vector the nearest papers were searched with; empty when there was none
 * @param oneModel true when every indexed paper has a vector of the searched model, so that any candidate's cosine to
 *                 {@code vector} means something (see {@code CandidateCosines})
 * @param excluded the ids the searches left out as the query's own: for one paper, every record of its work
 */
public record SignalHits(float[] vector, boolean oneModel, List<ScoredPaper> byVector, List<ScoredPaper> byText,
                         List<String> terms, Set<String> excluded) {
}
