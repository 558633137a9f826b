package dev.ronbun.recommend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.CatchingUpCommit;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A processed record's offset reaches its group's committed offsets although SmallRye's throttled strategy does not
 * commit it: here it would commit only after ten minutes, as when its commit failed while the broker was away and
 * nothing new arrives on the partition (it never tries that commit again). {@link CatchingUpCommit} commits it within
 * its interval, so the group's lag clears.
 */
@QuarkusTest
@TestProfile(CommitCatchUpTest.ThrottledCommitsOnlyAfterTenMinutes.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class CommitCatchUpTest {

    private static final String GROUP = "recommend-service-readers";

    public static class ThrottledCommitsOnlyAfterTenMinutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.reading-events.auto.commit.interval.ms", "600000");
        }
    }

    @Test
    void processedReadingEventsAreCommittedThoughTheThrottledStrategyDoesNotCommitThem() throws Exception {
        String reader = "reader-" + UUID.randomUUID();
        TestTopics.send(Topics.READING_EVENTS.name(), reader,
                EventJson.write(PoisonRecordsTest.event("commit-" + reader, reader)));
        PoisonRecordsTest.awaitStored("commit-" + reader);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RonbunTestInfrastructure.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, TestTopics.partitions(Topics.READING_EVENTS.name()))
                    .mapToObj(p -> new TopicPartition(Topics.READING_EVENTS.name(), p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<TopicPartition, Long> behind = behind(admin, ends);
            while (!behind.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                behind = behind(admin, ends);
            }
            assertThat(behind).as("partitions whose committed offset is behind the records processed").isEmpty();
        }
    }

    /** The partitions holding records whose committed offset is below the end they had when the event was stored. */
    private static Map<TopicPartition, Long> behind(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> behind = new HashMap<>();
        ends.forEach((partition, end) -> {
            OffsetAndMetadata offset = committed.get(partition);
            long at = offset == null ? 0 : offset.offset();
            if (end > 0 && at < end) {
                behind.put(partition, end - at);
            }
        });
        return behind;
    }
}
