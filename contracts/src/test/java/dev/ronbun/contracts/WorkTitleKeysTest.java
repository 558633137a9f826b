package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkTitleKeysTest {

    @Test
    void theSameTitleWrittenWithOtherCaseWidthAndPunctuationIsOneKey() {
        assertThat(PaperIdentity.workTitleKeys("paper", "QLoRA: Efficient Finetuning of Quantized LLMs", null))
                .isEqualTo(PaperIdentity.workTitleKeys(null, "ＱＬｏＲＡ ―  efficient finetuning of quantized LLMs.", null));
    }

    @Test
    void anEnglishTitleAndAnotherRecordsJapaneseTitleShareTheirNameSpace() {
        assertThat(PaperIdentity.workTitleKeys("paper", null, "Transformerによる長期時系列予測"))
                .containsExactlyElementsOf(PaperIdentity.workTitleKeys("paper", "Transformerによる長期時系列予測", null));
        assertThat(PaperIdentity.workTitleKeys("paper", "Mamba: Linear-Time Sequence Modeling", "選択的状態空間モデル"))
                .hasSize(2);
    }

    @Test
    void shortGenericTitlesGiveNoKeySoTwoPapersCalledSoStayApart() {
        assertThat(PaperIdentity.workTitleKeys("paper", "Mamba", "知識蒸留")).isEmpty();
        assertThat(PaperIdentity.workTitleKeys("paper", "Sparse Attention", null)).isEmpty();
        assertThat(PaperIdentity.workTitleKeys("paper", "LoRA: Low-Rank Adaptation of Large Language Models", null))
                .doesNotContainAnyElementsOf(PaperIdentity.workTitleKeys("paper",
                        "QLoRA: Efficient Finetuning of Quantized LLMs", null));
    }

    @Test
    void aBlogPostIsNeverTheSameWorkAsThePaperItSharesATitleWith() {
        assertThat(PaperIdentity.workTitleKeys("blog", "Attention Is All You Need", null))
                .doesNotContainAnyElementsOf(PaperIdentity.workTitleKeys("paper", "Attention Is All You Need", null));
    }
}
