package dev.ronbun.embed.embedding;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a model's per-token hidden states become one sentence vector; mostly fixed by how the model was trained. */
public enum Pooling {
    /** The hidden state of the first token ([CLS]); BGE models. */
    CLS("cls"),
    /** The attention-masked mean of all token states; E5 and most sentence-transformers models. */
    MEAN("mean"),
    /**
     * The unit [CLS] vector plus the unit mean vector. For bge-small-zh on normalised Japanese this beats either alone
     * (docs/benchmarks.md): [CLS] is better at finding other sections of the same paper, the mean at JSTS's short
     * sentence pairs, and their sum is at least as good as the better of the two at both.
     */
    CLS_PLUS_MEAN("cls+mean");

    private final String jsonName;

    Pooling(String jsonName) {
        this.jsonName = jsonName;
    }

    public static Pooling parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(pooling -> pooling.jsonName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pooling must be one of "
                        + Arrays.stream(values()).map(Pooling::jsonName).collect(Collectors.joining(", "))
                        + ", not " + value));
    }

    String jsonName() {
        return jsonName;
    }
}
