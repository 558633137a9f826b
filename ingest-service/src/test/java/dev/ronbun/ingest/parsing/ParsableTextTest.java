package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one normalisation every document goes through before any parser reads it. */
class ParsableTextTest {

    @Test
    void unifiesLineEndsAndStripsTheByteOrderMark() {
        ParsableText text = ParsableText.of("\uFEFFone\r\ntwo\rthree\nfour  \r\n");

        assertThat(text.lines()).containsExactly("one", "two", "three", "four", "");
    }

    @Test
    void makesStructuralFullWidthMarksHalfWidthButKeepsJapanesePunctuation() {
        ParsableText text = ParsableText.of("＠Ｎａｍｅ\n［論文］Ｔｉｔｌｅ　２０２５\n＃ 見出し\nPaper｜Code\n本当？（はい）。");

        assertThat(text.lines()).containsExactly("@Name", "[論文]Title 2025", "# 見出し", "Paper|Code", "本当？（はい）。");
    }

    @Test
    void removesControlAndInvisibleCharactersButKeepsTabs() {
        ParsableText text = ParsableText.of("a\u0000b\u0007c\u200Bd\u00A0e\tf\u0085g");

        assertThat(text.lines()).containsExactly("abcd e\tf", "g");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-09-30 機械学習勉強会|2025-09-30",
            "2025/9/30 勉強会|2025-09-30",
            "2025年9月30日 論文読み会|2025-09-30",
            "第3回 2024.1.5 輪読会|2024-01-05"})
    void findsTheDateTheDocumentCarriesAtItsTop(String firstLine, LocalDate expected) {
        assertThat(ParsableText.of(firstLine + "\n\n本文").documentDate()).contains(expected);
    }

    @Test
    void findsNoDateInAnArxivIdOrAnImpossibleDate() {
        assertThat(ParsableText.of("https://arxiv.org/abs/2503.11646v1\n2025-13-45").documentDate()).isEmpty();
    }
}
