package dev.ronbun.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void aTopicCreatedBeforeItHadAMessageSizeGetsItsSizeWhenProvisionedAgain() throws Exception {
        try (InJvmKafka kafka = InJvmKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            String summaries = Topics.SUMMARIES.name();
            admin.createTopics(List.of(new NewTopic(summaries, 6, (short) 1).configs(Map.of(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588")))).all().get();

            List<String> created = TopicProvisioner.forSingleBroker(kafka.bootstrapServers()).provisionAll();

            assertThat(created).doesNotContain(summaries).hasSize(TopicSettings.all().size() - 1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, summaries);
            String expected = Integer.toString(TopicSettings.SUMMARIES_MAX_MESSAGE_BYTES);
            String size = null;
            // the controller has applied the change; the broker that answers describeConfigs learns it a moment later
            for (long deadline = System.nanoTime() + 15_000_000_000L; !expected.equals(size)
                    && System.nanoTime() < deadline; Thread.sleep(200)) {
                size = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
            }
            assertThat(size).isEqualTo(expected);
        }
    }
}
