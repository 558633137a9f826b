package dev.ronbun.recommend.index;

/**
 * A query's vector made ready for {@link PaperCandidates#nearest}: centred on the current model's mean, with the
 * papers it may be compared with.
 *
 * @param centred     the vector, centred (see {@link VectorCentre})
 * @param papers      the papers of its model among those the caller allows (null: all)
 * @param oneModel    true when every indexed paper has a vector of its model (see {@link SignalHits#oneModel})
 * @param centredSpace true when the index's vectors are centred (a mean has been taken), which cut-offs on cosines
 *                     depend on
 */
public record VectorQuery(float[] centred, PaperSet papers, boolean oneModel, boolean centredSpace) {
}
