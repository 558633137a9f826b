package dev.ronbun.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ronbun.infra.kafka.TopicSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The production topic declarations in infra/deploy/kafka must say what {@code Topics} says, so they cannot drift. */
class TopicDeploymentFilesTest {

    private static final Path KAFKA_DEPLOY_DIR = Path.of("../deploy/kafka");

    @Test
    void strimziTopicsDeclareExactlyTheTopicsOfTopicsWithTheirPartitionsCleanupPolicyAndMessageSize() throws IOException {
        List<TopicSettings> declared;
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(KAFKA_DEPLOY_DIR.resolve("topics.yaml").toFile())) {
            declared = documents.readAll().stream()
                    .filter(document -> document != null && !document.isEmpty())
                    .map(TopicDeploymentFilesTest::strimziTopic)
                    .toList();
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(TopicSettings.all());
    }

    @Test
    void topicListDeclaresExactlyTheTopicsOfTopicsWithTheirPartitionsCleanupPolicyAndMessageSize() throws IOException {
        Properties lines = new Properties();
        try (Reader reader = Files.newBufferedReader(KAFKA_DEPLOY_DIR.resolve("topics.properties"), StandardCharsets.UTF_8)) {
            lines.load(reader);
        }

        List<TopicSettings> declared = lines.stringPropertyNames().stream().map(name -> {
            String[] settings = lines.getProperty(name).split(",");
            assertThat(settings).as(name + " = <partitions>,<cleanup.policy>,<max.message.bytes>").hasSize(3);
            return new TopicSettings(name, Integer.parseInt(settings[0].trim()), settings[1].trim(),
                    Integer.parseInt(settings[2].trim()));
        }).toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(TopicSettings.all());
    }

    private static TopicSettings strimziTopic(JsonNode resource) {
        assertThat(resource.path("kind").asText()).isEqualTo("KafkaTopic");
        JsonNode spec = resource.path("spec");
        assertThat(resource.path("metadata").path("name").asText()).isEqualTo(spec.path("topicName").asText());
        return new TopicSettings(spec.path("topicName").asText(), spec.path("partitions").asInt(),
                spec.path("config").path("cleanup.policy").asText(),
                spec.path("config").path("max.message.bytes").asInt());
    }
}
