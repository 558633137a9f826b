package dev.ronbun.embed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperLinksTest {

    @Test
    void tagsAreDeduplicatedCaseInsensitivelyKeepingTheFirstSpellingAndOrder() {
        assertThat(PaperLinks.tags(List.of(List.of("LLM", " 強化学習 ", ""), List.of("llm", "RLHF", "強化学習"))))
                .containsExactly("LLM", "強化学習", "RLHF");
    }

    @Test
    void referencesAreOnePerArxivIdElsePerNormalisedTitleOrUrl() {
        List<Reference> merged = PaperLinks.references(List.of(
                List.of(new Reference("Attention Is All You Need", "1706.03762", null),
                        new Reference("BERT: Pre-training", null, null),
                        new Reference(null, null, "https://example.org/paper")),
                List.of(new Reference("Attention is all you need!", "1706.03762", "https://arxiv.org/abs/1706.03762"),
                        new Reference("bert  pre-training", null, "https://arxiv.org/abs/1810.04805"),
                        new Reference("Some page", null, "https://example.org/paper"),
                        new Reference("Another", null, null))));

        assertThat(merged).containsExactly(
                new Reference("Attention Is All You Need", "1706.03762", "https://arxiv.org/abs/1706.03762"),
                new Reference("BERT: Pre-training", null, "https://arxiv.org/abs/1810.04805"),
                new Reference("Some page", null, "https://example.org/paper"),
                new Reference("Another", null, null));
    }
}
