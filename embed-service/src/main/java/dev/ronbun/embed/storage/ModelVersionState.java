package dev.ronbun.embed.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Where a model version is in its life: being filled in, published, or superseded. */
public enum ModelVersionState {
    /** A re-embed is giving every summary a vector of this version; nothing is published with it yet. */
    BUILDING,
    /** Papers are published with this version's vectors. */
    SERVING,
    /** Superseded (or abandoned while building); its vectors stay, so switching back only embeds what is new. */
    RETIRED;

    /** The name stored in {@code model_versions.state} and shown by the admin API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores the state by its label. */
    @Converter
    static final class Column implements AttributeConverter<ModelVersionState, String> {

        @Override
        public String convertToDatabaseColumn(ModelVersionState state) {
            return state == null ? null : state.label();
        }

        @Override
        public ModelVersionState convertToEntityAttribute(String label) {
            return label == null ? null : ModelVersionState.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
