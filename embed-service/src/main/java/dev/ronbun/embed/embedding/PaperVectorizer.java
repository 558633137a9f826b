package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.PaperEmbedding;
import org.apache.lucene.util.VectorUtil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one unit vector per paper: the paper is cut into passages that fit the model ({@link PaperChunker}), the
 * passages the {@link PassageVectorCache} does not know yet are embedded in one batched call (each distinct passage
 * once), and the unit vectors are averaged with the {@link ChunkWeights} (title and summary above body) and
 * normalised again. Thread-safe when its embedder and cache are.
 */
public final class PaperVectorizer {

    private static final System.Logger LOG = System.getLogger(PaperVectorizer.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TextEmbedder embedder;
    private final ChunkWeights weights;
    private final PaperChunker chunker;
    private final PassageVectorCache cache;
    private final EmbeddingMeter meter;

    public PaperVectorizer(TextEmbedder embedder, ChunkWeights weights) {
        this(embedder, weights, PassageVectorCache.NONE, EmbeddingMeter.NONE);
    }

    public PaperVectorizer(TextEmbedder embedder, ChunkWeights weights, PassageVectorCache cache, EmbeddingMeter meter) {
        this.embedder = embedder;
        this.weights = weights;
        this.chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        this.cache = cache;
        this.meter = meter;
    }

    /** @throws IllegalArgumentException when the paper has no text at all */
    public PaperVector vectorize(PaperText paper) {
        return vectorizeAll(List.of(paper)).get(0);
    }

    /**
     * {@link #vectorize}, except that the passages embedded now are not cached here but handed back in
     * {@link PaperVector#uncached}, for the store to cache in the transaction that stores the summary and links them:
     * one transaction fewer a summary, and never a cached row without the link that keeps it.
     */
    public PaperVector vectorizeForStore(PaperText paper) {
        return vectorize(List.of(paper), false).get(0);
    }

    /** Several papers at once, so that their passages share batches and a passage they share is embedded once. */
    public List<PaperVector> vectorizeAll(List<PaperText> papers) {
        return vectorize(papers, true);
    }

    /** @param cacheNow whether passages embedded now go into the cache here or back to the caller */
    private List<PaperVector> vectorize(List<PaperText> papers, boolean cacheNow) {
        List<List<PaperChunk>> chunksPerPaper = new ArrayList<>(papers.size());
        List<String> keys = new ArrayList<>();
        Map<String, String> passageByKey = new LinkedHashMap<>();
        for (PaperText paper : papers) {
            List<PaperChunk> chunks = chunker.chunk(paper);
            if (chunks.isEmpty()) {
                throw new IllegalArgumentException("paper has no text to embed: " + paper.title());
            }
            chunksPerPaper.add(chunks);
            for (PaperChunk chunk : chunks) {
                String key = embedder.passageKey(chunk.text());
                keys.add(key);
                passageByKey.putIfAbsent(key, chunk.text());
            }
        }
        Map<String, float[]> vectorByKey = new HashMap<>(cached(embedder.modelVersion(), passageByKey.keySet()));
        Map<String, float[]> fresh = embedMissing(passageByKey, vectorByKey, cacheNow);
        List<PaperVector> result = new ArrayList<>(papers.size());
        int offset = 0;
        for (List<PaperChunk> chunks : chunksPerPaper) {
            List<String> paperKeys = keys.subList(offset, offset + chunks.size());
            float[] vector = weightedMean(chunks, paperKeys, vectorByKey);
            int tokens = chunks.stream().mapToInt(PaperChunk::tokens).sum();
            Map<String, float[]> uncached = new HashMap<>();
            if (!cacheNow) {
                paperKeys.stream().filter(fresh::containsKey).forEach(key -> uncached.put(key, fresh.get(key)));
            }
            result.add(new PaperVector(new PaperEmbedding(embedder.descriptor().id(), embedder.modelVersion(), vector),
                    chunks.size(), tokens, paperKeys, uncached));
            offset += chunks.size();
        }
        return result;
    }

    /**
     * Embeds the passages {@code vectors} lacks and adds them to it, caching them when asked.
     *
     * @return the passage vectors embedded now, by key
     */
    private Map<String, float[]> embedMissing(Map<String, String> passageByKey, Map<String, float[]> vectors,
                                              boolean cacheNow) {
        String version = embedder.modelVersion();
        List<String> missingKeys = passageByKey.keySet().stream().filter(key -> !vectors.containsKey(key)).toList();
        meter.cacheLooked(passageByKey.size() - missingKeys.size(), missingKeys.size());
        if (missingKeys.isEmpty()) {
            return Map.of();
        }
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        float[][] computed = embedder.embedPassages(missingKeys.stream().map(passageByKey::get).toList());
        meter.modelRan(missingKeys.size(), System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpuStart);
        Map<String, float[]> fresh = new LinkedHashMap<>();
        for (int i = 0; i < computed.length; i++) {
            fresh.put(missingKeys.get(i), computed[i]);
        }
        if (cacheNow) {
            try {
                cache.remember(version, fresh);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "passage vectors not cached: {0}", e.toString());
            }
        }
        vectors.putAll(fresh);
        return fresh;
    }

    /** A cache that cannot be read (the database is down) costs model time, never the paper: storing it waits anyway. */
    private Map<String, float[]> cached(String version, Collection<String> keys) {
        try {
            return cache.find(version, keys);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "passage vector cache unreadable, embedding every passage: {0}",
                    e.toString());
            return Map.of();
        }
    }

    /**
     * The passages of a paper as the model sees them (prefix and normalisation applied) with the weights their unit
     * vectors get in the paper's vector, for a reference pipeline that must embed exactly what this one does.
     */
    public List<WeightedPassage> passagesOf(PaperText paper) {
        List<PaperChunk> chunks = chunker.chunk(paper);
        double[] weightOf = weightsOf(chunks);
        List<WeightedPassage> passages = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            passages.add(new WeightedPassage(embedder.preparedPassage(chunks.get(i).text()), weightOf[i]));
        }
        return passages;
    }

    /** A passage as the model sees it and its weight in its paper's vector. */
    public record WeightedPassage(String text, double weight) {
    }

    private float[] weightedMean(List<PaperChunk> chunks, List<String> keys, Map<String, float[]> vectorByKey) {
        double[] weightOf = weightsOf(chunks);
        float[] mean = new float[embedder.dimension()];
        for (int i = 0; i < chunks.size(); i++) {
            float[] unit = VectorUtil.l2normalize(vectorByKey.get(keys.get(i)).clone(), false);
            for (int d = 0; d < mean.length; d++) {
                mean[d] += (float) (weightOf[i] * unit[d]);
            }
        }
        return VectorUtil.l2normalize(mean, false);
    }

    private double[] weightsOf(List<PaperChunk> chunks) {
        Map<PaperChunk.Part, Integer> partTokens = new EnumMap<>(PaperChunk.Part.class);
        for (PaperChunk chunk : chunks) {
            partTokens.merge(chunk.part(), Math.max(chunk.tokens(), 1), Integer::sum);
        }
        double presentShares = partTokens.keySet().stream().mapToDouble(weights::of).sum();
        double[] weightOf = new double[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            PaperChunk chunk = chunks.get(i);
            weightOf[i] = presentShares == 0 ? 1.0 / chunks.size()
                    : weights.of(chunk.part()) / presentShares * Math.max(chunk.tokens(), 1) / partTokens.get(chunk.part());
        }
        return weightOf;
    }
}
