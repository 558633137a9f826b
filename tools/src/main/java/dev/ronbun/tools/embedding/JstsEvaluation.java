package dev.ronbun.tools.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.embed.embedding.BundledModel;
import dev.ronbun.embed.embedding.EmbedderSettings;
import dev.ronbun.embed.embedding.ModelDescriptor;
import dev.ronbun.embed.embedding.ModelFolder;
import dev.ronbun.embed.embedding.ModelSource;
import dev.ronbun.embed.embedding.Pooling;
import dev.ronbun.embed.embedding.TextEmbedder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Measures an embedding model as the service runs it on JSTS (JGLUE's Japanese STS): the Spearman correlation
 * between cosine similarity and the human score. Optionally also a retrieval check that is sensitive to the query
 * prefix: each sentence1 of a pair scored 4 or more is a query that should find its sentence2 among all sentence2s.
 *
 * <pre>
 * java ... dev.ronbun.tools.embedding.JstsEvaluation [--raw] [--model-dir DIR] [--file JSONL] [--limit N]
 *                                                    [--retrieval] [--query-prefix TEXT] [--pooling cls|mean|cls+mean]
 *                                                    [--threads N]
 * </pre>
 * Prints {@code spearman <value>} (and {@code mrr <value>} with {@code --retrieval}).
 */
@Command(name = "ronbun eval jsts", mixinStandardHelpOptions = true,
        description = "Spearman correlation of the embedding model's cosine similarities with JSTS's human labels.")
public final class JstsEvaluation implements Callable<Integer> {

    /** The JSTS validation split that the shared workspace carries, relative to the shared folder. */
    public static final String EVAL_FILE = "eval/jsts-valid-v1.3.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RELEVANT_LABEL = 4.0;

    @Option(names = "--file", paramLabel = "JSONL", description = "the JSTS file (default: shared/" + EVAL_FILE
            + " in a folder above this one)")
    Path file;

    @Option(names = "--raw", description = "without the model's Japanese normalisation")
    boolean raw;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "a model folder (default: the bundled model)")
    Path modelDir;

    @Option(names = "--limit", paramLabel = "N", description = "the first N pairs only")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--retrieval", description = "also the mean reciprocal rank of relevant pairs as a search")
    boolean retrieval;

    @Option(names = "--query-prefix", paramLabel = "TEXT", description = "overrides the model's query prefix")
    String queryPrefix;

    @Option(names = "--pooling", paramLabel = "P", converter = PoolingConverter.class,
            description = "cls, mean or cls+mean (default: the model's)")
    Pooling pooling;

    @Option(names = "--threads", paramLabel = "N", description = "default: the embedder's")
    int threads;

    /** {@code --pooling} by its JSON name. */
    static final class PoolingConverter implements ITypeConverter<Pooling> {
        @Override
        public Pooling convert(String value) {
            try {
                return Pooling.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Spearman correlation of cosine similarity (both sides embedded as passages) with the labels. */
    public static double spearman(TextEmbedder embedder, List<StsPair> pairs) {
        List<String> texts = new ArrayList<>(pairs.size() * 2);
        for (StsPair pair : pairs) {
            texts.add(pair.sentence1());
            texts.add(pair.sentence2());
        }
        float[][] vectors = embedder.embedPassages(texts);
        double[] similarities = new double[pairs.size()];
        double[] labels = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            similarities[i] = VectorUtil.cosine(vectors[2 * i], vectors[2 * i + 1]);
            labels[i] = pairs.get(i).label();
        }
        return new SpearmansCorrelation().correlation(similarities, labels);
    }

    /**
     * Mean reciprocal rank of each pair's sentence2 when its sentence1, embedded as a query, searches all distinct
     * sentence2s embedded as passages; only pairs labelled {@value #RELEVANT_LABEL} or more count as queries.
     */
    public static double retrievalMrr(TextEmbedder embedder, List<StsPair> pairs) {
        Map<String, Integer> passageIndex = new LinkedHashMap<>();
        for (StsPair pair : pairs) {
            passageIndex.putIfAbsent(pair.sentence2(), passageIndex.size());
        }
        float[][] passages = embedder.embedPassages(List.copyOf(passageIndex.keySet()));
        double reciprocalRanks = 0;
        int queries = 0;
        for (StsPair pair : pairs) {
            if (pair.label() < RELEVANT_LABEL) {
                continue;
            }
            float[] query = embedder.embedQuery(pair.sentence1());
            int target = passageIndex.get(pair.sentence2());
            float targetScore = VectorUtil.cosine(query, passages[target]);
            int rank = 1;
            for (int i = 0; i < passages.length; i++) {
                if (i != target && VectorUtil.cosine(query, passages[i]) > targetScore) {
                    rank++;
                }
            }
            reciprocalRanks += 1.0 / rank;
            queries++;
        }
        return queries == 0 ? Double.NaN : reciprocalRanks / queries;
    }

    /** Reads up to {@code limit} pairs of a JSTS-style JSON-lines file ({@code sentence1}, {@code sentence2}, {@code label}). */
    public static List<StsPair> readPairs(Path file, int limit) throws IOException {
        List<StsPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (pairs.size() >= limit) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            pairs.add(new StsPair(node.get("sentence1").asText(), node.get("sentence2").asText(),
                    node.get("label").asDouble()));
        }
        return pairs;
    }

    /**
     * Finds the JSTS file in the workspace's {@code shared} folder, a sibling of the repository root, by walking up
     * from the working directory.
     */
    public static Optional<Path> locateEvalFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(EVAL_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new JstsEvaluation()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ModelFolder folder = new ModelSource(Optional.ofNullable(modelDir), BundledModel.defaultCacheRoot()).open();
        ModelDescriptor descriptor = folder.descriptor();
        if (raw) {
            descriptor = descriptor.withJapaneseNormalization(false);
        }
        if (queryPrefix != null) {
            descriptor = descriptor.withQueryPrefix(queryPrefix);
        }
        if (pooling != null) {
            descriptor = descriptor.withPooling(pooling);
        }
        folder = folder.withDescriptor(descriptor);
        Optional<Path> found = Optional.ofNullable(file).or(JstsEvaluation::locateEvalFile);
        if (found.isEmpty()) {
            System.err.println("ronbun eval jsts: no --file given and no shared/" + EVAL_FILE + " found above "
                    + Path.of("").toAbsolutePath());
            return 1;
        }
        Path evalFile = found.get();
        List<StsPair> pairs = readPairs(evalFile, limit);
        EmbedderSettings settings = threads > 0
                ? new EmbedderSettings(threads, EmbedderSettings.defaults().maxBatchSize(),
                        EmbedderSettings.defaults().maxBatchTokens())
                : EmbedderSettings.defaults();
        try (TextEmbedder embedder = new TextEmbedder(folder, settings)) {
            System.out.printf("model %s version %s pooling %s japaneseNormalization %s pairs %d file %s%n",
                    descriptor.id(), folder.modelVersion(), descriptor.pooling(), descriptor.japaneseNormalization(),
                    pairs.size(), evalFile);
            long start = System.nanoTime();
            System.out.printf("spearman %.4f%n", spearman(embedder, pairs));
            if (retrieval) {
                System.out.printf("mrr %.4f (%d queries, query prefix \"%s\")%n", retrievalMrr(embedder, pairs),
                        pairs.stream().filter(p -> p.label() >= RELEVANT_LABEL).count(), descriptor.queryPrefix());
            }
            System.out.printf("seconds %.1f%n", (System.nanoTime() - start) / 1e9);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }
}
