package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void tagsThatDifferOnlyInCaseOrSurroundingSpaceFoldToOneKey() {
        assertThat(Tags.fold(" LLM ")).isEqualTo("llm").isEqualTo(Tags.fold("llm")).isEqualTo(Tags.fold("Llm\t"));
        assertThat(Tags.fold("拡散モデル")).isEqualTo("拡散モデル");
        assertThat(Tags.fold("Vision Transformer")).isEqualTo("vision transformer");
    }

    @Test
    void theMachinesLocaleDoesNotChangeTheKey() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));

            assertThat(Tags.fold("TITLE")).isEqualTo("title");
        } finally {
            Locale.setDefault(before);
        }
    }
}
