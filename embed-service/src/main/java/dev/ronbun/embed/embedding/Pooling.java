package dev.ronbun.embed.embedding;

import java.util.Locale;

/** How a model's per-token hidden states become one sentence vector; fixed by how the model was trained. */
public enum Pooling {
    /** The hidden state of the first token ([CLS]); BGE models. */
    CLS,
    /** The attention-masked mean of all token states; E5 and most sentence-transformers models. */
    MEAN;

    static Pooling parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pooling must be cls or mean, not " + value, e);
        }
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
