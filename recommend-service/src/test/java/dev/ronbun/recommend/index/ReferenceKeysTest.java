package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.recommend.TestPapers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceKeysTest {

    @Test
    void aReferenceIsKnownByItsArxivIdFromTheLinkAndByItsNormalisedTitle() {
        assertThat(ReferenceKeys.of(new Reference("Attention Is All You Need!", null,
                "https://arxiv.org/pdf/1706.03762v7")))
                .containsExactly("arxiv:1706.03762", "title:attention is all you need");
        assertThat(ReferenceKeys.of(new Reference(null, null, "https://example.org/post"))).isEmpty();
    }

    @Test
    void aPaperHasTheKeysAReferenceToItWouldHave() {
        PaperEvent paper = TestPapers.paper("arxiv:1706.03762", "Attention Is All You Need").arxiv("1706.03762")
                .titleJa("注意こそすべて").build();

        assertThat(ReferenceKeys.ofPaper(paper))
                .containsExactly("arxiv:1706.03762", "title:attention is all you need", "title:注意こそすべて");
        assertThat(ReferenceKeys.ofReferences(List.of(new Reference("注意こそすべて", null, null))))
                .containsAnyElementsOf(ReferenceKeys.ofPaper(paper));
    }

    @Test
    void tagsCompareWithoutCase() {
        assertThat(ReferenceKeys.tag(" NLP ")).isEqualTo(ReferenceKeys.tag("nlp"));
    }
}
