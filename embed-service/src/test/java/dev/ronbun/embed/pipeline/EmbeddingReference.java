package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVectorizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedding-only reference: {@code src/test/bench/embedding-reference.mjs} embeds a round's summaries, cut into
 * Ronbun's passages, with no Kafka and no database, each distinct passage once a round. It does less than a
 * pipeline, so its rate is an upper bound for any transformers.js pipeline doing embed-service's job.
 */
record EmbeddingReference(TransformersJs install, Path work, int threads) {

    record Result(double summariesPerSecond, double summariesPerCpuSecond, long peakRssMib,
                  Map<String, float[]> vectors, String line) {
    }

    String describe() {
        return "node embedding-reference.mjs, " + threads + " intra-op threads, one summary at a time, one passage per "
                + "pass, each distinct passage once a round (an in-memory map), no Kafka and no database";
    }

    Result run(List<SummaryEvent> summaries, PaperVectorizer chunking, int round) throws Exception {
        List<Map<String, Object>> input = new ArrayList<>();
        for (SummaryEvent summary : summaries) {
            input.add(Map.of("id", summary.summaryId(), "passages", passages(summary, chunking)));
        }
        Path passagesFile = work.resolve("reference-passages-" + round + ".json");
        Path vectorsFile = work.resolve("reference-vectors-" + round + ".json");
        EventJson.mapper().writeValue(passagesFile.toFile(), input);
        Process node = new ProcessBuilder("node", install.scripts().resolve("embedding-reference.mjs").toString(),
                install.nodeModules().toString(), install.modelDir().toString(), passagesFile.toString(),
                vectorsFile.toString(), "--threads", Integer.toString(threads))
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        assertThat(node.waitFor()).as("the embedding-only reference: %s", output).isZero();
        String line = output.lines().filter(l -> l.startsWith("reference ")).findFirst().orElseThrow();
        Map<String, float[]> vectors = new HashMap<>();
        EventJson.mapper().readTree(vectorsFile.toFile()).properties().forEach(entry -> {
            float[] vector = new float[entry.getValue().size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) entry.getValue().get(i).asDouble();
            }
            vectors.put(entry.getKey(), vector);
        });
        return new Result(Double.parseDouble(TransformersJs.field(line, "summaries_per_s")),
                Double.parseDouble(TransformersJs.field(line, "summaries_per_cpu_s")),
                Long.parseLong(TransformersJs.field(line, "peak_rss_mib")), vectors, line.substring("reference ".length()));
    }

    /** A summary cut into the very passages and weights Ronbun embeds, as the references read them. */
    static List<Map<String, Object>> passages(SummaryEvent summary, PaperVectorizer chunking) {
        return chunking.passagesOf(PaperText.of(summary)).stream()
                .map(p -> Map.<String, Object>of("text", p.text(), "weight", p.weight())).toList();
    }
}
