package dev.ronbun.embed.keywords;

import dev.ronbun.infra.testing.SharedCorpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor();

    @Test
    void countsTheSubjectTermsOfTheDialogueArticle() {
        String article = SharedCorpus.read("blog-dialogue-kd-super-resolution.txt");

        TermFrequencies terms = extractor.termFrequencies(article);

        assertThat(terms.counts().keySet()).contains("知識蒸留", "画像超解像", "生徒モデル", "先生モデル", "事前分布",
                "多粒度", "distillation", "super-resolution", "knowledge distillation");
        assertThat(terms.count("知識蒸留")).isGreaterThan(1);
        assertThat(terms.counts().keySet()).noneMatch(term -> term.matches("[0-9.,]+"));
    }

    @Test
    void countsTheCompoundKeywordsOfAStudyGroupTopic() {
        String notes = SharedCorpus.read("study-group-notes-2025-09-30.txt");
        String samiaTopic = notes.substring(notes.indexOf("@Ryoma Nakai"), notes.indexOf("メインTOPIC"));

        TermFrequencies terms = extractor.termFrequencies(samiaTopic);

        assertThat(terms.counts().keySet()).contains("メンバーシップ推論攻撃", "尤度", "llm", "学習データ", "サンプリング");
    }

    @Test
    void findsNoTermsInBlankText() {
        assertThat(extractor.termFrequencies(" \n").isEmpty()).isTrue();
        assertThat(extractor.termFrequencies(null).isEmpty()).isTrue();
    }
}
