package dev.ronbun.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class JapaneseAnalyzersTest {

    private static final String WEEKLY = "weekly-pickup-35.txt";
    private static final String DIALOGUE = "blog-dialogue-kd-super-resolution.txt";
    private static final String STUDY_NOTES = "study-group-notes-2025-09-30.txt";
    private static final String STRUCTURED = "paper-summaries-structured.md";
    private static final String LONG_CONTEXT = "200万トークン以上に拡張する手法";

    @Test
    void keepsMachineLearningTermsFromTheUserDictionaryAsOneToken() {
        String line = SharedCorpus.lineContaining(WEEKLY, LONG_CONTEXT);

        List<String> tokens = indexTokens(line);

        assertThat(tokens).contains("大規模言語モデル", "トークン")
                .doesNotContain("大規模", "言語", "トー", "クン");
    }

    @Test
    void keepsCompoundTermsOfTheDialogueArticleWhole() {
        String title = SharedCorpus.lineContaining(DIALOGUE, "知識蒸留による画像超解像");

        assertThat(indexTokens(title)).contains("知識蒸留", "超解像");
    }

    @Test
    void dropsParticlesAuxiliariesSymbolsAndStopWords() {
        String line = SharedCorpus.lineContaining(WEEKLY, LONG_CONTEXT);

        List<String> tokens = indexTokens(line);

        assertThat(line).contains("の", "を", "する", "(", "「");
        assertThat(tokens).doesNotContain("の", "を", "に", "が", "は", "で", "する", "から", "(", ")", "「", "」", "。", "、");
    }

    @Test
    void keepsEnglishTermsAsLowerCasedTokens() {
        String llm = SharedCorpus.lineContaining(WEEKLY, LONG_CONTEXT);
        String lora = SharedCorpus.lineContaining(WEEKLY, "LoRA");

        assertThat(indexTokens(llm)).contains("llm", "longrope", "microsoft");
        assertThat(indexTokens(lora)).contains("lora", "unet", "sdxl");
    }

    @Test
    void dropsEnglishStopWordsOfQuotedTitles() {
        String title = SharedCorpus.lineContaining(DIALOGUE, "(Knowledge Distillation with");

        assertThat(indexTokens(title)).contains("knowledge", "distillation", "priors", "resolution")
                .doesNotContain("with", "for", "of");
    }

    @Test
    void foldsFullWidthLettersAndHalfWidthKatakana() {
        assertThat(indexTokens("ＬｏＲＡによるﾌｧｲﾝﾁｭｰﾆﾝｸﾞ")).containsExactly("lora", "ファインチューニング");
    }

    @Test
    void indexAndQueryAnalysersProduceTheSameTokens() {
        for (String document : List.of(WEEKLY, DIALOGUE, STUDY_NOTES, STRUCTURED)) {
            String text = SharedCorpus.read(document);
            try (Analyzer index = JapaneseAnalyzers.indexAnalyzer(); Analyzer query = JapaneseAnalyzers.queryAnalyzer()) {
                List<String> indexed = JapaneseAnalyzers.tokens(index, text);

                assertThat(JapaneseAnalyzers.tokens(query, text)).as(document).isEqualTo(indexed).isNotEmpty();
            }
        }
    }

    @Test
    void keywordTokensJoinAdjacentNounsIntoCompounds() {
        String title = SharedCorpus.lineContaining(DIALOGUE, "知識蒸留による画像超解像");

        assertThat(JapaneseAnalyzers.keywordTokens(title)).contains("知識蒸留", "画像超解像", "事前分布混合");
    }

    @Test
    void keywordTokensDropVerbsNumbersSingleKanaAndPointingPrefixes() {
        String text = SharedCorpus.read(WEEKLY);

        List<String> keywords = JapaneseAnalyzers.keywordTokens(text);

        assertThat(keywords).isNotEmpty()
                .noneMatch(keyword -> keyword.matches("[0-9.,]+"))
                .noneMatch(keyword -> keyword.matches("[\\p{IsHiragana}\\p{IsKatakana}a-z]"))
                .doesNotContain("使用する", "示す", "本手法", "この")
                .contains("拡散モデル", "オートエンコーダ", "コンテキストウィンドウ", "anygpt");
    }

    @Test
    void keywordTokensKeepTheSpellingOfTheIndex() {
        String text = SharedCorpus.read(STUDY_NOTES);

        List<String> indexed;
        try (Analyzer index = JapaneseAnalyzers.indexAnalyzer()) {
            indexed = JapaneseAnalyzers.tokens(index, text);
        }

        assertThat(JapaneseAnalyzers.keywordTokens(text)).contains("llm", "エージェント", "強化学習")
                .filteredOn(keyword -> keyword.matches("[a-z]+")) // whole words (gpt-4) and phrases are the keyword view's own
                .allMatch(indexed::contains);
    }

    @Test
    void analysesNothingForBlankText() {
        assertThat(JapaneseAnalyzers.keywordTokens("  ")).isEmpty();
        assertThat(JapaneseAnalyzers.keywordTokens(null)).isEmpty();
    }

    private static List<String> indexTokens(String text) {
        try (Analyzer analyzer = JapaneseAnalyzers.indexAnalyzer()) {
            return JapaneseAnalyzers.tokens(analyzer, text);
        }
    }
}
