package dev.ronbun.recommend.index;

import java.util.Optional;

/**
 * Where the service's replicas agree on each model's {@link VectorCentre}. Each replica's index would otherwise take
 * the mean of the first papers it happened to index, and two replicas that interleaved the topic's partitions
 * differently would serve the same papers with different cosines (docs/benchmarks.md, the cluster fault suite).
 */
public interface SharedCentres {

    /**
     * Offers a centre: stored unless the replicas already share one of the model taken from at least as many papers.
     *
     * @return the centre the replicas share now; the offered one when it is not active
     */
    VectorCentre offer(VectorCentre centre);

    /** The shared centre of a model, where one was taken from at least {@code papers} papers. */
    Optional<VectorCentre> takenFrom(String model, int papers);

    /** No sharing: each index keeps the mean it takes (one index alone, offline tools, tests of the index). */
    SharedCentres NONE = new SharedCentres() {
        @Override
        public VectorCentre offer(VectorCentre centre) {
            return centre;
        }

        @Override
        public Optional<VectorCentre> takenFrom(String model, int papers) {
            return Optional.empty();
        }
    };
}
