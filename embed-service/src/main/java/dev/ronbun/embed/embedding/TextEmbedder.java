package dev.ronbun.embed.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.ContentHash;
import dev.ronbun.text.ModelTextNormalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns texts into vectors with one local ONNX model, run by DJL's ONNX Runtime engine and tokenised by the Hugging
 * Face tokenizer, without touching the network. Texts are prepared as the descriptor says (Japanese normalisation,
 * prefixes), truncated to the model's token limit, sorted by length and batched so that each batch is padded only to
 * its own longest text. Models that quantise activations per batch (the bundled int8 model) get one text per pass
 * instead, so that a text's vector never depends on what it was batched with; on CPU this costs little (see the
 * tools module's EmbeddingBenchmark). Safe for concurrent callers: the tokenizer and the ONNX Runtime session are
 * both thread-safe and every call gets its own predictor.
 */
public final class TextEmbedder implements AutoCloseable {

    static {
        // DJL downloads engines and reports usage unless told not to; the embedder must work air-gapped.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static final String ENGINE = "OnnxRuntime";

    private final ModelFolder folder;
    private final ModelDescriptor descriptor;
    private final EmbedderSettings settings;
    private final HuggingFaceTokenizer truncating;
    private final HuggingFaceTokenizer counting;
    private final long padId;
    private final OrtSession.SessionOptions sessionOptions;
    private final Model model;
    private final PoolingTranslator translator;
    private final int maxBatchSize;
    private boolean closed;

    /**
     * Loads the model in {@code folder}; fails when its files cannot be read or its vectors do not have the
     * dimension its descriptor states.
     */
    public TextEmbedder(ModelFolder folder, EmbedderSettings settings) throws IOException {
        this.folder = folder;
        this.descriptor = folder.descriptor();
        this.settings = settings;
        try {
            this.truncating = tokenizer(true);
            this.counting = tokenizer(false);
            this.padId = padIdOf(folder.tokenizerFile());
            this.maxBatchSize = OnnxGraphScan.quantisesActivationsPerBatch(folder.modelFile())
                    ? 1 : settings.maxBatchSize();
            this.sessionOptions = sessionOptions(settings);
            this.model = Model.newInstance(descriptor.id(), Device.cpu(), ENGINE);
            model.load(folder.directory(), descriptor.modelFile(), Map.of("sessionOptions", sessionOptions));
            this.translator = new PoolingTranslator(descriptor.pooling(), descriptor.normalizeEmbeddings(),
                    inputNames().contains("token_type_ids"));
            checkDimension();
        } catch (OrtException | MalformedModelException e) {
            close();
            throw new IOException("cannot load " + folder.modelFile() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** The fingerprint to store with every vector this embedder makes. */
    public String modelVersion() {
        return folder.modelVersion();
    }

    public int dimension() {
        return descriptor.dimension();
    }

    public EmbedderSettings settings() {
        return settings;
    }

    /** Most texts per forward pass: the configured size, or 1 for models that quantise activations per batch. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** One vector per passage, in the order given. */
    public float[][] embedPassages(List<String> passages) {
        return embedPrepared(passages.stream().map(p -> prepare(descriptor.passagePrefix(), p)).toList());
    }

    /**
     * What identifies a passage's vector under this model version: the hash of the text exactly as the model sees it
     * (prefix and normalisation applied), so texts that differ only in what normalisation removes share a vector.
     */
    public String passageKey(String passage) {
        return ContentHash.of(preparedPassage(passage).getBytes(StandardCharsets.UTF_8));
    }

    /** The passage as the tokenizer gets it: the model's passage prefix and, where it asks for it, normalisation. */
    public String preparedPassage(String passage) {
        return prepare(descriptor.passagePrefix(), passage);
    }

    /** The vector of a search query, with the model's query prefix or instruction. */
    public float[] embedQuery(String query) {
        return embedPrepared(List.of(prepare(descriptor.queryPrefix(), query)))[0];
    }

    /** Tokens the passage would take, special tokens and prefix included, before truncation to the limit. */
    public int passageTokenCount(String passage) {
        return counting.encode(prepare(descriptor.passagePrefix(), passage)).getIds().length;
    }

    /** The token limit of the model, special tokens and prefix included. */
    public int maxTokens() {
        return descriptor.maxTokens();
    }

    private String prepare(String prefix, String text) {
        String body = text == null ? "" : text;
        return prefix + (descriptor.japaneseNormalization() ? ModelTextNormalizer.normalize(body) : body);
    }

    private float[][] embedPrepared(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        if (texts.isEmpty()) {
            return vectors;
        }
        Encoding[] encodings = truncating.batchEncode(texts);
        // Longest first: the first batch shows at once whether the largest shapes fit in memory.
        int[] order = IntStream.range(0, encodings.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).reversed())
                .mapToInt(Integer::intValue).toArray();
        try (Predictor<TokenBatch, float[][]> predictor = model.newPredictor(translator)) {
            int from = 0;
            while (from < order.length) {
                int to = batchEnd(encodings, order, from);
                float[][] batchVectors = predictor.predict(TokenBatch.pack(encodings, order, from, to, padId));
                for (int i = from; i < to; i++) {
                    vectors[order[i]] = batchVectors[i - from];
                }
                from = to;
            }
        } catch (TranslateException e) {
            throw new EmbeddingFailedException("embedding " + texts.size() + " texts with " + descriptor.id()
                    + " failed", e);
        }
        return vectors;
    }

    /** Texts are sorted longest first, so the first row of a batch sets its padded length. */
    private int batchEnd(Encoding[] encodings, int[] order, int from) {
        int longest = encodings[order[from]].getIds().length;
        int byTokens = Math.max(1, settings.maxBatchTokens() / longest);
        return Math.min(order.length, from + Math.min(maxBatchSize, byTokens));
    }

    private HuggingFaceTokenizer tokenizer(boolean truncate) throws IOException {
        HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder()
                .optTokenizerPath(folder.tokenizerFile())
                .optAddSpecialTokens(true)
                .optPadding(false)
                .optTruncation(truncate);
        if (truncate) {
            builder.optMaxLength(descriptor.maxTokens());
        }
        return builder.build();
    }

    /**
     * Prefers the padding the tokenizer declares, then its [PAD] or &lt;pad&gt; token. Padded positions are masked,
     * but models that derive position ids from the pad id (XLM-R, hence multilingual-e5) need the right one.
     */
    private static long padIdOf(Path tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
        JsonNode padding = root.path("padding");
        if (padding.has("pad_id")) {
            return padding.get("pad_id").asLong();
        }
        for (JsonNode token : root.path("added_tokens")) {
            String content = token.path("content").asText();
            if (content.equals("[PAD]") || content.equals("<pad>")) {
                return token.path("id").asLong();
            }
        }
        return 0;
    }

    private static OrtSession.SessionOptions sessionOptions(EmbedderSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(settings.intraOpThreads());
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Spinning threads burn the cores we share with Kafka, PostgreSQL and the JVM while waiting for work.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private List<String> inputNames() {
        PairList<String, Shape> inputs = model.describeInput();
        List<String> names = inputs.keys();
        if (!names.contains("input_ids") || !names.contains("attention_mask")) {
            throw new IllegalStateException(descriptor.id() + " must take input_ids and attention_mask, takes " + names);
        }
        return names;
    }

    /** Also warms the session up, so the first real request does not pay for graph optimisation. */
    private void checkDimension() {
        int actual = embedPassages(List.of("次元の確認"))[0].length;
        if (actual != descriptor.dimension()) {
            throw new IllegalStateException(descriptor.id() + " makes " + actual + "-dimensional vectors but its "
                    + ModelDescriptor.FILE_NAME + " says " + descriptor.dimension());
        }
    }

    /** Frees the native tokenizers and the ONNX Runtime session; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (model != null) {
            model.close();
        }
        if (sessionOptions != null) {
            sessionOptions.close();
        }
        if (counting != null) {
            counting.close();
        }
        if (truncating != null) {
            truncating.close();
        }
    }
}
