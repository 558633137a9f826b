package dev.ronbun.embed.embedding;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Measures an embedding model as the service runs it on JSTS (JGLUE's Japanese STS): the Spearman correlation
 * between cosine similarity and the human score. Optionally also a retrieval check that is sensitive to the query
 * prefix: each sentence1 of a pair scored 4 or more is a query that should find its sentence2 among all sentence2s.
 *
 * <pre>
 * java ... dev.ronbun.embed.embedding.JstsEvaluation [--raw] [--model-dir DIR] [--file JSONL] [--limit N]
 *                                                    [--retrieval] [--query-prefix TEXT] [--pooling cls|mean|cls+mean]
 *                                                    [--threads N]
 * </pre>
 * Prints {@code spearman <value>} (and {@code mrr <value>} with {@code --retrieval}).
 */
public final class JstsEvaluation {

    /** The JSTS validation split that the shared workspace carries, relative to the shared folder. */
    public static final String EVAL_FILE = "eval/jsts-valid-v1.3.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RELEVANT_LABEL = 4.0;

    private JstsEvaluation() {
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

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        ModelFolder folder = new ModelSource(options.modelDir(), BundledModel.defaultCacheRoot()).open();
        ModelDescriptor descriptor = folder.descriptor();
        if (options.raw()) {
            descriptor = descriptor.withJapaneseNormalization(false);
        }
        if (options.queryPrefix() != null) {
            descriptor = descriptor.withQueryPrefix(options.queryPrefix());
        }
        if (options.pooling() != null) {
            descriptor = descriptor.withPooling(options.pooling());
        }
        folder = folder.withDescriptor(descriptor);
        Path file = options.file().or(JstsEvaluation::locateEvalFile)
                .orElseThrow(() -> new IOException("no --file given and no shared/" + EVAL_FILE + " found above "
                        + Path.of("").toAbsolutePath()));
        List<StsPair> pairs = readPairs(file, options.limit());
        EmbedderSettings settings = options.threads() > 0
                ? new EmbedderSettings(options.threads(), EmbedderSettings.defaults().maxBatchSize(),
                        EmbedderSettings.defaults().maxBatchTokens())
                : EmbedderSettings.defaults();
        try (TextEmbedder embedder = new TextEmbedder(folder, settings)) {
            System.out.printf("model %s version %s pooling %s japaneseNormalization %s pairs %d file %s%n",
                    descriptor.id(), folder.modelVersion(), descriptor.pooling(), descriptor.japaneseNormalization(),
                    pairs.size(), file);
            long start = System.nanoTime();
            System.out.printf("spearman %.4f%n", spearman(embedder, pairs));
            if (options.retrieval()) {
                System.out.printf("mrr %.4f (%d queries, query prefix \"%s\")%n", retrievalMrr(embedder, pairs),
                        pairs.stream().filter(p -> p.label() >= RELEVANT_LABEL).count(), descriptor.queryPrefix());
            }
            System.out.printf("seconds %.1f%n", (System.nanoTime() - start) / 1e9);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Options(boolean raw, Optional<Path> modelDir, Optional<Path> file, int limit, boolean retrieval,
                           String queryPrefix, Pooling pooling, int threads) {

        static Options parse(String[] args) {
            boolean raw = false;
            boolean retrieval = false;
            Optional<Path> modelDir = Optional.empty();
            Optional<Path> file = Optional.empty();
            int limit = Integer.MAX_VALUE;
            String queryPrefix = null;
            Pooling pooling = null;
            int threads = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--raw" -> raw = true;
                    case "--retrieval" -> retrieval = true;
                    case "--model-dir" -> modelDir = Optional.of(Path.of(args[++i]));
                    case "--file" -> file = Optional.of(Path.of(args[++i]));
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--query-prefix" -> queryPrefix = args[++i];
                    case "--pooling" -> pooling = Pooling.parse(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --raw "
                            + "--model-dir DIR --file JSONL --limit N --retrieval --query-prefix TEXT --pooling cls|mean|cls+mean --threads N");
                }
            }
            return new Options(raw, modelDir, file, limit, retrieval, queryPrefix, pooling, threads);
        }
    }
}
