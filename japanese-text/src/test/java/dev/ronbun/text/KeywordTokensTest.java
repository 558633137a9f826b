package dev.ronbun.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordTokensTest {

    @Test
    void keepsLatinWordsWithDigitsAndHyphensWhole() {
        List<String> keywords = JapaneseAnalyzers.keywordTokens(
                "YOLOv9とwav2vec2を比べ、GPT-4やLlama-2、BERT-base、Qwen2.5-VLとも比較した。");

        assertThat(keywords).contains("yolov9", "wav2vec2", "gpt-4", "llama-2", "bert-base", "qwen2.5-vl")
                .doesNotContain("yolov", "wav", "vec", "gpt", "llama", "bert", "base", "qwen");
    }

    @Test
    void blanksMathematicsBeforeAnalysis() {
        List<String> keywords = JapaneseAnalyzers.keywordTokens(
                "知識蒸留の損失 $\\hat{x}_{dim} = \\alpha \\cdot y^2$ を最小化し、\\(\\beta\\) で温度を調整する。"
                        + "$$\\mathcal{L} = \\sum_i \\log p$$ 画像超解像");

        assertThat(keywords).contains("知識蒸留", "損失", "画像超解像")
                .doesNotContain("hat", "dim", "alpha", "beta", "cdot", "mathcal", "sum", "log", "x", "y", "p");
    }

    @Test
    void dropsTheSpeakersOfADialogueAndPersonNames() {
        String article = SharedCorpus.read("blog-dialogue-kd-super-resolution.txt");

        List<String> keywords = JapaneseAnalyzers.keywordTokens(article);

        assertThat(keywords).contains("知識蒸留", "画像超解像", "生徒モデル")
                .doesNotContain("田中専務", "専務", "aiメンター拓海", "拓海", "拓海先生", "メンター");
        assertThat(JapaneseAnalyzers.keywordTokens("佐藤部長と山田太郎さんが拡散モデルを試した。"))
                .contains("拡散モデル").doesNotContain("佐藤部長", "佐藤", "山田太郎", "山田", "太郎");
    }

    @Test
    void dropsSectionAndFillerWordsOfTheStopList() {
        List<String> keywords = JapaneseAnalyzers.keywordTokens(
                "## 背景\n本論文の提案手法について、感想と議論、結果をまとめる。手法の目的は拡散モデルの高速化。");

        assertThat(keywords).contains("拡散モデル").noneMatch(KeywordFilter::isStopWord);
        assertThat(KeywordFilter.stopWords()).contains("背景", "感想", "議論", "手法", "論文", "提案", "結果", "alpha");
    }

    @Test
    void refusesVerbNounsThatCompoundsTakeAsSuffixesButKeepsTheCompounds() {
        // 付き alone reads as a noun; in 窓付き注意 it is a suffix, and a "why" line once cited it as a shared concept
        assertThat(KeywordFilter.accepts("付き")).isFalse();
        assertThat(KeywordFilter.accepts("向け")).isFalse();
        assertThat(JapaneseAnalyzers.keywordTokens("窓付き注意で長い文脈を扱う。初心者向けの解説。"))
                .contains("窓付き注意").doesNotContain("付き", "向け");
    }

    @Test
    void countsEnglishNounPhrasesBesideTheirWords() {
        List<String> keywords = JapaneseAnalyzers.keywordTokens(
                "Knowledge distillation は mixture of experts と組み合わせられる。knowledge distillation の利点。");

        assertThat(keywords).contains("knowledge distillation", "mixture of experts", "distillation");
        assertThat(keywords.stream().filter("knowledge distillation"::equals)).hasSize(2);
    }

    @Test
    void refusesSingleCharactersNumbersAndCutWords() {
        assertThat(KeywordFilter.accepts("x")).isFalse();
        assertThat(KeywordFilter.accepts("42")).isFalse();
        assertThat(KeywordFilter.accepts("yolov-")).isFalse();
        assertThat(KeywordFilter.accepts("議論")).isFalse();
        assertThat(KeywordFilter.accepts("知識蒸留")).isTrue();
        assertThat(KeywordFilter.accepts("gpt-4")).isTrue();
    }
}
