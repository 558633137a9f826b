package dev.ronbun.tools.embedding;

import dev.ronbun.embed.embedding.BundledModel;
import dev.ronbun.embed.embedding.EmbedderSettings;
import dev.ronbun.embed.embedding.TextEmbedder;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JstsEvaluationTest {

    @Test
    void correlatesWithHumanJudgementsOnTheFirst200JstsPairs() throws IOException {
        List<StsPair> pairs = JstsEvaluation.readPairs(JstsEvaluation.locateEvalFile().orElseThrow(() ->
                new TestAbortedException("no shared/" + JstsEvaluation.EVAL_FILE + " beside the repository")), 200);

        try (TextEmbedder embedder = new TextEmbedder(BundledModel.materialise(BundledModel.defaultCacheRoot()),
                new EmbedderSettings(2, 8, 4096))) {
            double spearman = JstsEvaluation.spearman(embedder, pairs);

            assertThat(pairs).hasSize(200);
            assertThat(spearman).isGreaterThan(0.6);
        }
    }
}
