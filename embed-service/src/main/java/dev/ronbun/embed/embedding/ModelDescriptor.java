package dev.ronbun.embed.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * What Ronbun must know about an embedding model that the ONNX file and tokenizer do not say, read from
 * {@value #FILE_NAME} beside them. Any Hugging Face-style folder (tokenizer.json + ONNX export) becomes usable by
 * adding this file, e.g. multilingual-e5 with {@code "pooling": "mean", "queryPrefix": "query: ", "passagePrefix": "passage: "}.
 *
 * @param id                    short stable name, stored with every vector
 * @param pooling               how token states become one vector
 * @param normalizeEmbeddings   L2-normalise each vector (cosine = dot product)
 * @param queryPrefix           prepended to queries (an instruction or "query: ")
 * @param passagePrefix         prepended to passages
 * @param maxTokens             the model's sequence limit, special tokens included; longer input is truncated
 * @param dimension             vector length, checked against the model when it loads
 * @param japaneseNormalization pass text through {@link dev.ronbun.text.ModelTextNormalizer}: for Chinese BERT
 *                              vocabularies without voiced kana or uppercase letters (bge-zh), not for e5 or ruri
 * @param tokenizerFile         path of tokenizer.json, relative to the folder
 * @param modelFile             path of the ONNX file, relative to the folder
 */
public record ModelDescriptor(
        String id,
        Pooling pooling,
        boolean normalizeEmbeddings,
        String queryPrefix,
        String passagePrefix,
        int maxTokens,
        int dimension,
        boolean japaneseNormalization,
        String tokenizerFile,
        String modelFile) {

    public static final String FILE_NAME = "ronbun-model.json";
    public static final String DEFAULT_TOKENIZER_FILE = "tokenizer.json";
    public static final String DEFAULT_MODEL_FILE = "model.onnx";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_FIELDS = Set.of("id", "pooling", "normalizeEmbeddings", "queryPrefix",
            "passagePrefix", "maxTokens", "dimension", "japaneseNormalization", "tokenizerFile",
            "modelFile", "description");

    public ModelDescriptor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("model id is required");
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling is required");
        }
        if (maxTokens < 8) {
            throw new IllegalArgumentException("maxTokens must be at least 8, was " + maxTokens);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        passagePrefix = passagePrefix == null ? "" : passagePrefix;
        tokenizerFile = tokenizerFile == null || tokenizerFile.isBlank() ? DEFAULT_TOKENIZER_FILE : tokenizerFile;
        modelFile = modelFile == null || modelFile.isBlank() ? DEFAULT_MODEL_FILE : modelFile;
    }

    /** Reads {@value #FILE_NAME} from a model folder. */
    public static ModelDescriptor read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE_NAME + " in " + folder);
        }
        return parse(Files.readAllBytes(file));
    }

    /**
     * Parses descriptor JSON. Unknown fields are rejected so that a misspelt "poolng" fails at start-up instead of
     * silently producing vectors with the wrong pooling; "description" is free text for people.
     */
    public static ModelDescriptor parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("model descriptor must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                throw new IOException("unknown field in model descriptor: " + name);
            }
        }
        try {
            return new ModelDescriptor(
                    required(root, "id").asText(),
                    Pooling.parse(required(root, "pooling").asText()),
                    root.path("normalizeEmbeddings").asBoolean(true),
                    root.path("queryPrefix").asText(""),
                    root.path("passagePrefix").asText(""),
                    required(root, "maxTokens").asInt(),
                    required(root, "dimension").asInt(),
                    root.path("japaneseNormalization").asBoolean(false),
                    root.path("tokenizerFile").asText(DEFAULT_TOKENIZER_FILE),
                    root.path("modelFile").asText(DEFAULT_MODEL_FILE));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid model descriptor: " + e.getMessage(), e);
        }
    }

    /** The descriptor as canonical JSON (fixed field order), the form that goes into the model fingerprint. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("id", id)
                .put("pooling", pooling.jsonName())
                .put("normalizeEmbeddings", normalizeEmbeddings)
                .put("queryPrefix", queryPrefix)
                .put("passagePrefix", passagePrefix)
                .put("maxTokens", maxTokens)
                .put("dimension", dimension)
                .put("japaneseNormalization", japaneseNormalization)
                .put("tokenizerFile", tokenizerFile)
                .put("modelFile", modelFile);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ModelDescriptor withJapaneseNormalization(boolean enabled) {
        return new ModelDescriptor(id, pooling, normalizeEmbeddings, queryPrefix, passagePrefix, maxTokens, dimension,
                enabled, tokenizerFile, modelFile);
    }

    public ModelDescriptor withQueryPrefix(String prefix) {
        return new ModelDescriptor(id, pooling, normalizeEmbeddings, prefix, passagePrefix, maxTokens, dimension,
                japaneseNormalization, tokenizerFile, modelFile);
    }

    public ModelDescriptor withPooling(Pooling changed) {
        return new ModelDescriptor(id, changed, normalizeEmbeddings, queryPrefix, passagePrefix, maxTokens, dimension,
                japaneseNormalization, tokenizerFile, modelFile);
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
