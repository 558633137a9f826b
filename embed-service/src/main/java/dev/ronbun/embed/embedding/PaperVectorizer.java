package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.PaperEmbedding;
import org.apache.lucene.util.VectorUtil;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one unit vector per paper: the paper is cut into passages that fit the model ({@link PaperChunker}), all
 * passages are embedded in one batched call, and their unit vectors are averaged with the {@link ChunkWeights}
 * (title and summary above body) and normalised again. Thread-safe when its embedder is.
 */
public final class PaperVectorizer {

    private final TextEmbedder embedder;
    private final ChunkWeights weights;
    private final PaperChunker chunker;

    public PaperVectorizer(TextEmbedder embedder, ChunkWeights weights) {
        this.embedder = embedder;
        this.weights = weights;
        this.chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
    }

    /** @throws IllegalArgumentException when the paper has no text at all */
    public PaperVector vectorize(PaperText paper) {
        return vectorizeAll(List.of(paper)).get(0);
    }

    /** Several papers at once, so that their passages share batches. */
    public List<PaperVector> vectorizeAll(List<PaperText> papers) {
        List<List<PaperChunk>> chunksPerPaper = new ArrayList<>(papers.size());
        List<String> passages = new ArrayList<>();
        for (PaperText paper : papers) {
            List<PaperChunk> chunks = chunker.chunk(paper);
            if (chunks.isEmpty()) {
                throw new IllegalArgumentException("paper has no text to embed: " + paper.title());
            }
            chunksPerPaper.add(chunks);
            chunks.forEach(chunk -> passages.add(chunk.text()));
        }
        float[][] vectors = embedder.embedPassages(passages);
        List<PaperVector> result = new ArrayList<>(papers.size());
        int offset = 0;
        for (List<PaperChunk> chunks : chunksPerPaper) {
            float[] vector = weightedMean(chunks, vectors, offset);
            int tokens = chunks.stream().mapToInt(PaperChunk::tokens).sum();
            result.add(new PaperVector(new PaperEmbedding(embedder.descriptor().id(), embedder.modelVersion(), vector),
                    chunks.size(), tokens));
            offset += chunks.size();
        }
        return result;
    }

    private float[] weightedMean(List<PaperChunk> chunks, float[][] vectors, int offset) {
        Map<PaperChunk.Part, Integer> partTokens = new EnumMap<>(PaperChunk.Part.class);
        for (PaperChunk chunk : chunks) {
            partTokens.merge(chunk.part(), Math.max(chunk.tokens(), 1), Integer::sum);
        }
        double presentShares = partTokens.keySet().stream().mapToDouble(weights::of).sum();
        float[] mean = new float[embedder.dimension()];
        for (int i = 0; i < chunks.size(); i++) {
            PaperChunk chunk = chunks.get(i);
            float[] unit = VectorUtil.l2normalize(vectors[offset + i], false);
            double weight = presentShares == 0 ? 1.0 / chunks.size()
                    : weights.of(chunk.part()) / presentShares * Math.max(chunk.tokens(), 1) / partTokens.get(chunk.part());
            for (int d = 0; d < mean.length; d++) {
                mean[d] += (float) (weight * unit[d]);
            }
        }
        return VectorUtil.l2normalize(mean, false);
    }
}
