package dev.ronbun.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTextNormalizerTest {

    @Test
    void removesDakutenAndHandakutenFromHiraganaAndKatakana() {
        assertThat(ModelTextNormalizer.normalize("がぎぐげご ドキュメント プレビュー ヴ"))
                .isEqualTo("かきくけこ トキュメント フレヒュー ウ");
    }

    @Test
    void foldsHalfWidthKatakanaAndFullWidthLettersFirst() {
        assertThat(ModelTextNormalizer.normalize("ﾃﾞｰﾀ ＡＢＣ１２３")).isEqualTo("テータ abc123");
    }

    @Test
    void lowercasesLatinLettersBecauseTheVocabularyIsUncased() {
        assertThat(ModelTextNormalizer.normalize("Transformer BERT GPT-4")).isEqualTo("transformer bert gpt-4");
    }

    @Test
    void stripsLatinAccentsLikeBertsUncasedTokenizer() {
        assertThat(ModelTextNormalizer.normalize("Hervé Jégou, René")).isEqualTo("herve jegou, rene");
    }

    @Test
    void separatesLatinWordsAndDigitsFromAdjacentJapanese() {
        assertThat(ModelTextNormalizer.normalize("LLMを使った3層のCNNで")).isEqualTo("llm を使った 3 层の cnn て");
    }

    @Test
    void replacesJapaneseKanjiFormsTheVocabularyLacksWithTheirChineseForms() {
        assertThat(ModelTextNormalizer.normalize("摂動の推奨と解釈の根拠")).isEqualTo("摄动の推奖と解释の根据");
    }

    @Test
    void writesKanjiInTheSimplifiedFormsTheModelWasTrainedOn() {
        assertThat(ModelTextNormalizer.normalize("機械学習の国際会議で言語モデルを評価")).isEqualTo("机械学习の国际会议て言语 モテル を评価");
    }

    @Test
    void keepsKanjiWhoseJapaneseUseIsTheUnsimplifiedOne() {
        assertThat(ModelTextNormalizer.normalize("著者は大阪")).isEqualTo("著者は大阪");
    }

    @Test
    void separatesKatakanaWordsFromAdjacentHiraganaAndKanji() {
        assertThat(ModelTextNormalizer.normalize("データセットを作る新しいベンチマーク")).isEqualTo("テータセット を作る新しい ヘンチマーク");
    }

    @Test
    void makesTypographicQuotesAndDashesAscii() {
        assertThat(ModelTextNormalizer.normalize("“quoted” ‘single’ `code` a—b―c")).isEqualTo("\"quoted\" 'single' 'code' a-b-c");
    }

    @Test
    void treatsNullAndEmptyAsEmpty() {
        assertThat(ModelTextNormalizer.normalize(null)).isEmpty();
        assertThat(ModelTextNormalizer.normalize("")).isEmpty();
    }
}
