package dev.ronbun.faults.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The poison the fault suite writes is what it claims to be, on the partition of a record that follows it. */
class PoisonRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_PAPER = """
            {"schemaVersion":1,"paperId":"p","paperKey":"arxiv:2701.00001","title":"A real paper",\
            "embedding":{"modelId":"m","modelVersion":"1","vector":[0.25,-0.5]}}""";

    private final List<BadInput> poison = PoisonRecords.forScenario("s6", "arxiv:2706.00042", "fault-reader-s6-0",
            SAMPLE_PAPER);

    @Test
    void putsThreeKindsOfPoisonIntoEveryTopicWithUniqueKeys() {
        Map<String, Long> perTopic = poison.stream().collect(Collectors.groupingBy(BadInput::topic,
                Collectors.counting()));

        assertThat(perTopic).containsOnly(Map.entry(Topics.SUMMARIES.name(), 3L), Map.entry(Topics.PAPERS.name(), 3L),
                Map.entry(Topics.READING_EVENTS.name(), 3L));
        assertThat(poison.stream().map(BadInput::key).distinct()).hasSize(9);
    }

    @Test
    void writesEachPoisonWhereTheProducerPutsTheRecordThatFollowsIt() {
        assertThat(partitionOf(Topics.SUMMARIES.name())).isEqualTo(producerPartition("arxiv:2706.00042"));
        assertThat(partitionOf(Topics.PAPERS.name()))
                .isEqualTo(producerPartition(PaperIdentity.paperId("arxiv:2706.00042")));
        assertThat(partitionOf(Topics.READING_EVENTS.name())).isEqualTo(producerPartition("fault-reader-s6-0"));
    }

    @Test
    void notJsonIsNotJsonAndTheOthersAreJsonWithANulWhereTheyClaimOne() throws Exception {
        for (BadInput input : poison) {
            if (input.key().endsWith("-bytes")) {
                assertThatThrownBy(() -> JSON.readTree(input.value())).as(input.key()).isNotNull();
            } else {
                JsonNode value = JSON.readTree(input.value());
                boolean hasNul = value.toString().contains("\\u0000");
                assertThat(hasNul).as(input.key() + " has a NUL in a string").isEqualTo(input.key().endsWith("-nul"));
            }
        }
    }

    @Test
    void thePoisonedPaperIsTheSamplePaperWithANulInItsTitleUnderAKeyOfItsOwn() throws Exception {
        JsonNode paper = JSON.readTree(poison.stream().filter(p -> p.key().endsWith("paper-nul")).findFirst()
                .orElseThrow().value());

        assertThat(paper.path("title").asText()).isEqualTo("Poisoned\u0000title");
        assertThat(paper.path("paperId").asText()).isEqualTo(PaperIdentity.paperId(paper.path("paperKey").asText()))
                .isNotEqualTo("p");
        assertThat(paper.path("embedding")).isEqualTo(JSON.readTree(SAMPLE_PAPER).path("embedding"));
    }

    private Integer partitionOf(String topic) {
        List<Integer> partitions = poison.stream().filter(p -> p.topic().equals(topic)).map(BadInput::partition)
                .distinct().toList();
        assertThat(partitions).hasSize(1);
        return partitions.getFirst();
    }

    private static int producerPartition(String key) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 6);
    }
}
