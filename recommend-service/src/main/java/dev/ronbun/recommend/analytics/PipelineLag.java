package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.Topic;
import dev.ronbun.contracts.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jboss.logging.Logger;

/**
 * How far each pipeline consumer is behind, from Kafka's own bookkeeping (an admin client, no consumer joins any
 * group). A partition the group has not committed on yet counts from its earliest offset, as the groups read from
 * the start.
 */
@ApplicationScoped
public class PipelineLag {

    private static final Logger LOG = Logger.getLogger(PipelineLag.class);

    private final Map<String, Object> kafkaConfig;
    private final AnalyticsConfig config;
    private Admin admin;

    public PipelineLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AnalyticsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    public PipelineLagReport report() {
        try {
            return new PipelineLagReport(measure(), true, null);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf(e, "consumer lag unavailable");
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new PipelineLagReport(List.of(), false, "Kafka did not answer: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PipelineLagReport(List.of(), false, "interrupted");
        }
    }

    /**
     * The configured groups, then the groups of their further replicas: a recommend-service replica keeps an index of
     * its own, read by a group named after the configured one with a dash and the replica's number
     * ({@code recommend-service-index-2}), and each such group's lag is its replica's.
     */
    private List<String> groupsToReport(Admin kafka, long timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<String> groups = new ArrayList<>(config.lagGroups());
        List<Pattern> replicas = config.lagGroups().stream()
                .map(group -> Pattern.compile(Pattern.quote(group) + "-[0-9]+")).toList();
        kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(timeout, TimeUnit.MILLISECONDS).stream()
                .map(GroupListing::groupId)
                .filter(id -> !groups.contains(id) && replicas.stream().anyMatch(p -> p.matcher(id).matches()))
                .sorted().forEach(groups::add);
        return groups;
    }

    private List<ConsumerLag> measure() throws ExecutionException, InterruptedException, TimeoutException {
        Admin kafka = admin();
        long timeout = config.lagTimeout().toMillis();
        Set<String> topicNames = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        List<String> groupIds = groupsToReport(kafka, timeout);
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = kafka
                .describeConsumerGroups(groupIds).describedGroups();
        Map<String, ConsumerGroupDescription> groups = new HashMap<>();
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        Set<String> readTopics = new HashSet<>();
        for (String group : groupIds) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try {
                groups.put(group, described.get(group).get(timeout, TimeUnit.MILLISECONDS));
                kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(timeout, TimeUnit.MILLISECONDS)
                        .forEach((partition, offset) -> {
                            if (offset != null && topicNames.contains(partition.topic())) {
                                offsets.put(partition, offset.offset());
                            }
                        });
            } catch (ExecutionException e) {
                // A group that has never run (or is gone) has nothing to wait for; any other failure is real.
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            committed.put(group, offsets);
            offsets.keySet().forEach(p -> readTopics.add(p.topic()));
            assignedTopics(groups.get(group), topicNames).forEach(readTopics::add);
        }

        Map<String, TopicDescription> topics = readTopics.isEmpty() ? Map.of()
                : kafka.describeTopics(readTopics).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(p -> {
            TopicPartition partition = new TopicPartition(topic.name(), p.partition());
            latest.put(partition, OffsetSpec.latest());
            earliest.put(partition, OffsetSpec.earliest());
        }));
        ListOffsetsOptions stable = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                : kafka.listOffsets(latest, stable).all().get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : kafka.listOffsets(earliest, stable).all().get(timeout, TimeUnit.MILLISECONDS);

        List<ConsumerLag> lags = new ArrayList<>();
        for (String group : groupIds) {
            String state = stateOf(groups.get(group));
            Set<String> groupTopics = new TreeSet<>(assignedTopics(groups.get(group), topicNames));
            committed.get(group).keySet().forEach(p -> groupTopics.add(p.topic()));
            if (groupTopics.isEmpty()) {
                lags.add(new ConsumerLag(group, state, null, null));
                continue;
            }
            for (String topic : groupTopics) {
                long lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    if (end.getKey().topic().equals(topic)) {
                        Long from = committed.get(group).get(end.getKey());
                        if (from == null) {
                            ListOffsetsResult.ListOffsetsResultInfo start = starts.get(end.getKey());
                            from = start == null ? 0L : start.offset();
                        }
                        lag += Math.max(0, end.getValue().offset() - from);
                    }
                }
                lags.add(new ConsumerLag(group, state, topic, lag));
            }
        }
        return lags;
    }

    private static List<String> assignedTopics(ConsumerGroupDescription group, Set<String> topicNames) {
        if (group == null) {
            return List.of();
        }
        return group.members().stream()
                .map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream())
                .map(TopicPartition::topic)
                .filter(topicNames::contains)
                .distinct()
                .toList();
    }

    private static String stateOf(ConsumerGroupDescription group) {
        return group == null ? "absent" : group.groupState() == null ? "unknown"
                : group.groupState().toString().toLowerCase(Locale.ROOT);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "recommend-service-analytics");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.lagTimeout().toMillis());
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.lagTimeout().toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }
}
