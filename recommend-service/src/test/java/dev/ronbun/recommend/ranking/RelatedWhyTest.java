package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedWhyTest {

    @Test
    void tagsBothWritersGaveExplainARelatedPaperBeforeSharedKeywords() {
        PaperEvent source = TestPapers.paper("title:a", "A").tags("NLP", "RAG").keywords("検索").build();
        PaperEvent other = TestPapers.paper("title:b", "B").tags("rag", "音声").keywords("検索").build();

        assertThat(Explanations.related(source, other, List.of())).isEqualTo("共通タグ: rag (shared tags)");
    }

    @Test
    void withoutSharedTagsSharedKeywordsExplainIt() {
        PaperEvent source = TestPapers.paper("title:a", "A").tags("NLP").keywords("検索").build();
        PaperEvent other = TestPapers.paper("title:b", "B").keywords("検索").build();

        assertThat(Explanations.related(source, other, List.of())).startsWith("共通キーワード: 検索");
    }
}
