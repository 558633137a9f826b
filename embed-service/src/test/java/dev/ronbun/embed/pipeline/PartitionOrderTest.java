package dev.ronbun.embed.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Two consumers read the summaries topic at once (one per parallel pass), and each keeps its partitions' order: the
 * summaries of a paper, all on the paper's partition, are stored in the order they were sent while a paper on a
 * partition of the other consumer is being processed at the same time.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_partition_order"))
class PartitionOrderTest {

    private static final int SUMMARIES_PER_PAPER = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void summariesOfOnePaperAreStoredInTheirPartitionsOrderWhileTheOtherConsumerWorksOnAnotherPartition()
            throws Exception {
        List<Set<Integer>> owned = partitionsOfEachConsumer();
        assertThat(owned).as("two consumers in the group, each with partitions of its own").hasSize(2);
        String keyA = keyOnPartitionOf(owned.get(0), 0);
        String keyB = keyOnPartitionOf(owned.get(1), 1);
        List<SummaryEvent> paperA = summaries(keyA, "a");
        List<SummaryEvent> paperB = summaries(keyB, "b");

        for (int i = 0; i < SUMMARIES_PER_PAPER; i++) {
            TestTopics.send(Topics.SUMMARIES.name(), keyA, EventJson.write(paperA.get(i)));
            TestTopics.send(Topics.SUMMARIES.name(), keyB, EventJson.write(paperB.get(i)));
        }

        String paperIdA = PaperIdentity.paperId(keyA);
        String paperIdB = PaperIdentity.paperId(keyB);
        awaitStored(paperIdA);
        awaitStored(paperIdB);
        assertThat(storedInOrder(paperIdA)).as("paper A's summaries in the order sent")
                .containsExactlyElementsOf(paperA.stream().map(SummaryEvent::summaryId).toList());
        assertThat(storedInOrder(paperIdB)).as("paper B's summaries in the order sent")
                .containsExactlyElementsOf(paperB.stream().map(SummaryEvent::summaryId).toList());
        double[] windowA = storedWindow(paperIdA);
        double[] windowB = storedWindow(paperIdB);
        assertThat(windowA[0]).as("B's partition was worked on while A's was").isLessThan(windowB[1]);
        assertThat(windowB[0]).as("A's partition was worked on while B's was").isLessThan(windowA[1]);
    }

    /**
     * The summaries-topic partitions of each member of embed-service's consumer group, once the group has settled:
     * the same assignment seen twice a second apart, so that no rebalance (the retractions consumer joining later)
     * pauses one consumer while the test sends.
     */
    private static List<Set<Integer>> partitionsOfEachConsumer() throws Exception {
        try (Admin admin = withKafkaClassLoader(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RonbunTestInfrastructure.bootstrapServers())))) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<Set<Integer>> before = List.of();
            while (true) {
                List<Set<Integer>> owned = new ArrayList<>();
                for (MemberDescription member : membersOf(admin, "embed-service")) {
                    Set<Integer> partitions = member.assignment().topicPartitions().stream()
                            .filter(p -> p.topic().equals(Topics.SUMMARIES.name()))
                            .map(TopicPartition::partition).collect(Collectors.toSet());
                    if (!partitions.isEmpty()) {
                        owned.add(partitions);
                    }
                }
                if ((owned.size() >= 2 && Set.copyOf(owned).equals(Set.copyOf(before)))
                        || System.nanoTime() > deadline) {
                    return owned;
                }
                before = owned;
                Thread.sleep(1_000);
            }
        }
    }

    /** The group's members; none while the group is not yet known to the broker (its consumers still joining). */
    private static Collection<MemberDescription> membersOf(Admin admin, String groupId) throws Exception {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                    .describedGroups().get(groupId).get();
            return group.members();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    /** A paper key of this test whose partition (as Kafka's default partitioner picks it) is one of {@code owned}. */
    private static String keyOnPartitionOf(Set<Integer> owned, int salt) {
        int partitions = Topics.SUMMARIES.partitions();
        return IntStream.range(0, 10_000)
                .mapToObj(i -> "arxiv:2611.7" + salt + String.format("%03d", i))
                .filter(key -> owned.contains(
                        Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions))
                .findFirst().orElseThrow();
    }

    private static List<SummaryEvent> summaries(String key, String tag) {
        List<SummaryEvent> events = new ArrayList<>();
        for (int i = 0; i < SUMMARIES_PER_PAPER; i++) {
            String body = "順序を確かめる要約 " + tag + i + "。二つの消費者が同時に動く間も、一つの論文の要約は送った順に"
                    + "保存される。分割ごとの順序は保たれ、別の分割は並行して処理される。";
            String documentId = UUID.randomUUID().toString().replace("-", "").repeat(2);
            events.add(new SummaryEvent(1, key, documentId, "order-" + tag + i + ".txt", 0, "structured-summary",
                    "Partition order " + key, null, key.substring("arxiv:".length()), List.of(), List.of("A. Author"),
                    null, "paper", LocalDate.of(2026, 1, 13), body.substring(0, 20),
                    List.of(new Section("手法", body)), body, Instant.now()));
        }
        return events;
    }

    private void awaitStored(String paperId) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (StoredRows.count(dataSource, "select count(*) from summaries where paper_id = ?::uuid", paperId)
                < SUMMARIES_PER_PAPER) {
            assertThat(System.nanoTime()).as("all summaries of %s stored in time", paperId).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private List<String> storedInOrder(String paperId) throws Exception {
        return StoredRows.texts(dataSource,
                "select summary_id from summaries where paper_id = ?::uuid order by stored_at, summary_id", paperId);
    }

    /** When the first and the last of the paper's summaries were stored, in epoch seconds. */
    private double[] storedWindow(String paperId) throws Exception {
        List<String> times = StoredRows.texts(dataSource, """
                select extract(epoch from stored_at)::text from summaries where paper_id = ?::uuid
                order by stored_at""", paperId);
        return new double[] {Double.parseDouble(times.getFirst()), Double.parseDouble(times.getLast())};
    }
}
