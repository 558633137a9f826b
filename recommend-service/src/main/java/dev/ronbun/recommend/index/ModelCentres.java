package dev.ronbun.recommend.index;

import java.util.HashMap;
import java.util.Map;

/**
 * The mean of each embedding model's vectors in the index (see {@link VectorCentre}), kept in the index's commit data
 * so that it stays what the stored vectors were centred on across restarts. Papers of a model that has no mean yet
 * are stored as embedded.
 */
record ModelCentres(Map<String, VectorCentre> byModel) {

    static final ModelCentres NONE = new ModelCentres(Map.of());
    private static final String KEY_PREFIX = "ronbun.centre.";

    ModelCentres {
        byModel = Map.copyOf(byModel);
    }

    /** The mean of a model's vectors, or one that centres nothing while the model has none. */
    VectorCentre of(String model) {
        VectorCentre centre = model == null ? null : byModel.get(model);
        return centre != null ? centre : model == null ? VectorCentre.NONE : VectorCentre.none(model);
    }

    ModelCentres with(VectorCentre centre) {
        Map<String, VectorCentre> updated = new HashMap<>(byModel);
        updated.put(centre.model(), centre);
        return new ModelCentres(updated);
    }

    /** The means in a commit's user data. */
    static ModelCentres fromCommitData(Map<String, String> data) {
        Map<String, VectorCentre> byModel = new HashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(KEY_PREFIX)) {
                String model = key.substring(KEY_PREFIX.length());
                byModel.put(model, VectorCentre.decoded(model, value));
            }
        });
        return new ModelCentres(byModel);
    }

    /** Puts these means into commit data, in place of any there. */
    void writeTo(Map<String, String> data) {
        data.keySet().removeIf(key -> key.startsWith(KEY_PREFIX));
        byModel.forEach((model, centre) -> data.put(KEY_PREFIX + model, centre.encoded()));
    }
}
