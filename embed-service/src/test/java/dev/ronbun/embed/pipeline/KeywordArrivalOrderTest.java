package dev.ronbun.embed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.keywords.KeywordExtractor;
import dev.ronbun.embed.storage.PaperStore;
import dev.ronbun.embed.storage.StoredPapers;
import dev.ronbun.embed.storage.StoredVector;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.SharedCorpus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same papers stored in two orders end with the same keywords. Each paper of the structured summaries is stored
 * twice, as twins under two keys: the first set front to back, the second back to front. Both sets then sit in one
 * final corpus, so once the corpus is ranked again every paper and its twin must have the same keywords, although
 * each was first ranked against a different corpus.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_keywords"))
class KeywordArrivalOrderTest {

    private static final String MODEL_VERSION = "keyword-order-test";

    @Inject
    PaperStore store;

    @Inject
    StoredPapers stored;

    @Inject
    KeywordRefresh refresh;

    private final KeywordExtractor extractor = new KeywordExtractor();
    private final KeywordRanking ranking = new KeywordRanking(12);

    @Test
    void thePapersOfACorpusGetTheSameKeywordsWhateverOrderTheyArriveIn() {
        List<String> papers = Arrays.stream(SharedCorpus.read("paper-summaries-structured.md").split("\n---\n"))
                .filter(paper -> paper.contains("[View Paper]"))
                .toList();
        List<Integer> backToFront = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            storeTwin("front", i, papers.get(i));
            backToFront.add(i);
        }
        Collections.reverse(backToFront);
        backToFront.forEach(i -> storeTwin("back", i, papers.get(i)));
        List<List<String>> arrivalFront = keywordsOf("front", papers.size());
        List<List<String>> arrivalBack = keywordsOf("back", papers.size());

        refresh.refresh();

        List<List<String>> front = keywordsOf("front", papers.size());
        List<List<String>> back = keywordsOf("back", papers.size());
        assertThat(papers).hasSize(16);
        assertThat(arrivalFront).as("ranked on arrival, the orders disagree").isNotEqualTo(arrivalBack);
        assertThat(front).isEqualTo(back).allSatisfy(keywords -> assertThat(keywords).hasSizeGreaterThan(5));
        assertThat(refresh.refresh()).as("a corpus that did not change is not ranked again").isZero();
    }

    private void storeTwin(String order, int index, String text) {
        String documentId = (order + "-" + index + "-").repeat(20).substring(0, 64);
        SummaryEvent event = new SummaryEvent(1, key(order, index), documentId, "structured.md", 0,
                "structured-summary", "paper " + index, null, null, List.of(), List.of(), null, "paper", null, null,
                List.of(), text, Instant.now(), index % 4 == 0 ? List.of("Vision Transformer", "感想") : List.of(),
                List.of());
        float[] vector = new float[8];
        vector[index % 8] = 1;
        store.store(event, new StoredVector("test-model", MODEL_VERSION, vector, 10, 1),
                extractor.termFrequencies(text).counts(), ranking::rank);
    }

    private List<List<String>> keywordsOf(String order, int count) {
        List<List<String>> keywords = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PaperEvent paper = stored.paperEvent(UUID.fromString(PaperIdentity.paperId(key(order, i))), MODEL_VERSION)
                    .orElseThrow();
            keywords.add(paper.keywords().stream().map(Keyword::term).toList());
        }
        return keywords;
    }

    private static String key(String order, int index) {
        return "title:keyword order " + order + " " + index;
    }
}
