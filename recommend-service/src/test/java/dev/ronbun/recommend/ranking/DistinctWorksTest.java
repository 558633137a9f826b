package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistinctWorksTest {

    private final Map<String, PaperEvent> indexed = new HashMap<>();
    private final List<List<String>> reads = new ArrayList<>();

    private final Function<List<String>, Map<String, PaperEvent>> listings = ids -> {
        reads.add(ids);
        Map<String, PaperEvent> found = new HashMap<>();
        ids.stream().filter(indexed::containsKey).forEach(id -> found.put(id, indexed.get(id)));
        return found;
    };

    private String add(String key, String title, String arxiv) {
        PaperEvent paper = TestPapers.paper(key, title).arxiv(arxiv).build();
        indexed.put(paper.paperId(), paper);
        return paper.paperId();
    }

    @Test
    void pagesCountWorksNotRecordsAndEachWorkStaysAtItsBestPlace() {
        String linked = add("w:qlora", "QLoRA: Efficient Finetuning of Quantized LLMs", "2305.14314");
        String lora = add("w:lora", "LoRA", "2106.09685");
        String unlinked = add("w:qlora-notes", "QLoRA: Efficient Finetuning of Quantized LLMs", null);
        String dpo = add("w:dpo", "Direct Preference Optimization", "2305.18290");
        String whisper = add("w:whisper", "Whisper", "2212.04356");
        List<String> ranked = List.of(linked, lora, unlinked, "gone-since", dpo, whisper);

        assertThat(DistinctWorks.page(ranked, listings, 0, 2)).extracting(PaperEvent::paperId)
                .containsExactly(linked, lora);
        assertThat(DistinctWorks.page(ranked, listings, 1, 2)).extracting(PaperEvent::paperId)
                .containsExactly(dpo, whisper);
        assertThat(DistinctWorks.page(ranked, listings, 2, 2)).isEmpty();
    }

    @Test
    void papersWithShortGenericTitlesOrTwoArxivIdsAreTwoWorks() {
        String vit = add("w:dino-vit", "DINO", "2104.14294");
        String detr = add("w:dino-detr", "DINO", "2203.03605");
        String note = add("w:dino-note", "DINO", null);
        String title = "Scaling Vision Transformers to Twenty Two Billion Parameters";
        String first = add("w:vit22b", title, "2302.05442");
        String second = add("w:vit22b-other", title, "2302.05443");
        String unlinked = add("w:vit22b-notes", title, null);

        assertThat(DistinctWorks.page(List.of(vit, detr, note, first, second, unlinked), listings, 0, 10))
                .extracting(PaperEvent::paperId).containsExactly(vit, detr, note, first, second);
        assertThat(DistinctWorks.page(List.of(unlinked, first, second), listings, 0, 10))
                .extracting(PaperEvent::paperId).containsExactly(unlinked, second);
    }

    @Test
    void readsListingsOnlyAsFarDownTheRankingAsThePageNeeds() {
        List<String> ranked = IntStream.range(0, 200).mapToObj(i -> add("w:" + i, "Paper " + i, "2401." + (10000 + i)))
                .toList();

        List<PaperEvent> first = DistinctWorks.page(ranked, listings, 0, 10);

        assertThat(first).hasSize(10);
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst()).hasSize(20);
    }
}
