package dev.ronbun.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentFormatTest {

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void readsBackEveryWireName(DocumentFormat format) {
        assertThat(DocumentFormat.fromWireName(format.wireName())).isEqualTo(format);
        assertThat(DocumentFormat.fromWireName(" " + format.wireName().toUpperCase() + " ")).isEqualTo(format);
    }

    @Test
    void usesTheWireNamesOfTheEventContract() {
        assertThat(DocumentFormat.values()).extracting(DocumentFormat::wireName).containsExactly("study-group-notes",
                "structured-summary", "dialogue-article", "weekly-roundup", "paper-notes", "generic");
    }

    @Test
    void everyFormatHasAJapaneseLabelOfItsOwn() {
        assertThat(DocumentFormat.values()).extracting(DocumentFormat::label).doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).matches(".*[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}].*"));
        assertThat(DocumentFormat.wireNames("|")).isEqualTo(
                "study-group-notes|structured-summary|dialogue-article|weekly-roundup|paper-notes|generic");
    }

    @Test
    void rejectsAnUnknownNameNamingTheAcceptedOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DocumentFormat.fromWireName("newsletter"))
                .withMessage("unknown document format 'newsletter'; expected one of: study-group-notes, "
                        + "structured-summary, dialogue-article, weekly-roundup, paper-notes, generic");
        assertThatIllegalArgumentException().isThrownBy(() -> DocumentFormat.fromWireName(null));
    }
}
