package dev.ronbun.embed.embedding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JstsEvaluationTest {

    @Test
    void correlatesWithHumanJudgementsOnTheFirst200JstsPairs() throws IOException {
        List<StsPair> pairs = JstsEvaluation.readPairs(TestModels.evalFileOrSkip(), 200);

        try (TextEmbedder embedder = TestModels.bundledEmbedder()) {
            double spearman = JstsEvaluation.spearman(embedder, pairs);

            assertThat(pairs).hasSize(200);
            assertThat(spearman).isGreaterThan(0.6);
        }
    }
}
