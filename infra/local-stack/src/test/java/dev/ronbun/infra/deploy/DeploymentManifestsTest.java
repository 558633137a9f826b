package dev.ronbun.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.kafka.BrokerSettings;
import dev.ronbun.infra.kafka.TopicSettings;
import dev.ronbun.infra.services.ServiceLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployment files under infra/deploy are checked against JSON Schemas of their kinds (src/test/resources/
 * deploy-schemas: Kubernetes, Strimzi and KEDA, trimmed to what Ronbun uses, every object closed), so a misspelt or
 * misplaced field fails the build instead of being dropped silently by the API server or an operator. The settings
 * they share with the local stack and the services (replication, consumer groups) are compared too.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY_DIR = Path.of("../deploy");
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Which schema file describes each {@code apiVersion}; the kind names the definition in it. */
    private static final Map<String, String> SCHEMA_FILES = Map.of(
            "v1", "kubernetes.json",
            "apps/v1", "kubernetes.json",
            "policy/v1", "kubernetes.json",
            "kustomize.config.k8s.io/v1beta1", "kubernetes.json",
            "kafka.strimzi.io/v1beta2", "strimzi.json",
            "keda.sh/v1alpha1", "keda.json");

    /** One YAML document of a deployment file. */
    private record Manifest(Path file, JsonNode resource) {

        String kind() {
            return resource.path("kind").asText();
        }

        String describe() {
            return DEPLOY_DIR.relativize(file) + " " + kind() + "/" + resource.path("metadata").path("name").asText();
        }
    }

    @Test
    void everyManifestIsValidAgainstTheSchemaOfItsKind() throws IOException {
        List<Manifest> manifests = manifests();
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            validate(manifest.resource()).forEach(message -> problems.add(manifest.describe() + ": " + message));
        }

        assertThat(manifests).extracting(Manifest::kind).contains("StatefulSet", "Deployment", "Service",
                "PodDisruptionBudget", "ScaledObject", "Kafka", "KafkaNodePool", "KafkaTopic", "Kustomization");
        assertThat(problems).isEmpty();
    }

    /** A field a step off its name or its place, as typing or indenting gets it wrong, fails the check. */
    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource({
            "kubernetes/recommend-service.yaml, StatefulSet, /spec/volumeClaimTemplates, volumeClaimTemplate",
            "kubernetes/recommend-service.yaml, StatefulSet, /spec/template/spec/containers/0/readinessProbe, readynessProbe",
            "kubernetes/embed-service.yaml, Deployment, /spec/template/spec/containers/0/resources/limits, limit",
            "kubernetes/embed-service.yaml, ScaledObject, /spec/triggers/0/metadata/consumerGroup, consumergroup",
            "kubernetes/ingest-service.yaml, PodDisruptionBudget, /spec/minAvailable, minAvailible",
            "kafka/kafka-cluster.yaml, Kafka, /spec/kafka/listeners/0/tls, tsl",
            "kafka/kafka-cluster.yaml, KafkaNodePool, /spec/storage/volumes/0/deleteClaim, deleteClaims",
            "kafka/topics.yaml, KafkaTopic, /spec/partitions, partition"})
    void aMisspeltFieldFailsTheCheck(String file, String kind, String pointer, String misspelt) throws IOException {
        JsonNode resource = manifests(DEPLOY_DIR.resolve(file)).stream().filter(m -> m.kind().equals(kind))
                .findFirst().orElseThrow().resource().deepCopy();
        assertThat(validate(resource)).as("the file as committed").isEmpty();

        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode holder = (ObjectNode) resource.at(parent);
        assertThat(holder.has(field)).as(pointer).isTrue();
        holder.set(misspelt, holder.remove(field));

        assertThat(validate(resource)).isNotEmpty().anySatisfy(message -> {
            assertThat(message.getInstanceLocation().toString()).isEqualTo(jsonPath(parent));
            assertThat(message.getMessage()).contains("'" + misspelt + "' is not defined in the schema");
        });
    }

    /** {@code /spec/containers/0} as the validator's {@code $.spec.containers[0]}. */
    private static String jsonPath(String pointer) {
        return "$" + pointer.replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    @Test
    void aQuantityThatKubernetesCannotReadFailsTheCheck() throws IOException {
        ObjectNode statefulSet = (ObjectNode) manifests(DEPLOY_DIR.resolve("kubernetes/recommend-service.yaml")).stream()
                .filter(m -> m.kind().equals("StatefulSet")).findFirst().orElseThrow().resource().deepCopy();
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/resources/limits")).put("memory", "1536MB");

        assertThat(validate(statefulSet)).anySatisfy(message ->
                assertThat(message.getInstanceLocation().toString()).contains("limits").contains("memory"));
    }

    @Test
    void eachKustomizationListsEveryManifestBesideIt() throws IOException {
        for (String dir : List.of("kubernetes", "kafka")) {
            JsonNode kustomization = YAML.readTree(DEPLOY_DIR.resolve(dir).resolve("kustomization.yaml").toFile());
            List<String> listed = new ArrayList<>();
            kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
            try (Stream<Path> files = Files.list(DEPLOY_DIR.resolve(dir))) {
                List<String> manifests = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                        // The Secrets are created by hand, never applied from the example.
                        .filter(name -> !name.endsWith(".example.yaml")).toList();
                assertThat(listed).as(dir + "/kustomization.yaml").containsAll(manifests);
            }
            assertThat(listed).allSatisfy(resource ->
                    assertThat(DEPLOY_DIR.resolve(dir).resolve(resource)).exists());
        }
    }

    @Test
    void theStrimziClusterHasThreeBrokersWithTheReplicationTheLocalClusterOfThreeHas() throws IOException {
        List<Manifest> kafka = manifests(DEPLOY_DIR.resolve("kafka/kafka-cluster.yaml"));
        JsonNode config = single(kafka, "Kafka").path("spec").path("kafka").path("config");
        JsonNode pool = single(kafka, "KafkaNodePool").path("spec");
        Map<String, String> local = BrokerSettings.forCluster(3);

        for (String setting : List.of("default.replication.factor", "min.insync.replicas",
                "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "auto.create.topics.enable", "message.max.bytes",
                "replica.fetch.max.bytes")) {
            assertThat(config.path(setting).asText()).as(setting).isEqualTo(local.get(setting));
        }
        assertThat(pool.path("replicas").asInt()).isEqualTo(3);
        assertThat(pool.path("roles")).extracting(JsonNode::asText).contains("broker", "controller");
        assertThat(manifests(DEPLOY_DIR.resolve("kafka/topics.yaml"))).allSatisfy(topic -> {
            assertThat(topic.resource().at("/spec/replicas").asInt()).isEqualTo(BrokerSettings.replicationFactor(3));
            assertThat(topic.resource().at("/spec/config/min.insync.replicas").asInt())
                    .isEqualTo(BrokerSettings.minInSyncReplicas(3));
        });
        assertThat(TopicSettings.largestMaxMessageBytes()).isEqualTo(config.path("message.max.bytes").asInt());
    }

    @Test
    void embedScalesOnItsOwnGroupsLagAndEachRecommendReplicaIndexesThroughAGroupOfItsOwn() throws IOException {
        JsonNode trigger = single(manifests(DEPLOY_DIR.resolve("kubernetes/embed-service.yaml")), "ScaledObject")
                .at("/spec/triggers/0");
        JsonNode scaledObject = single(manifests(DEPLOY_DIR.resolve("kubernetes/embed-service.yaml")), "ScaledObject");
        JsonNode recommend = single(manifests(DEPLOY_DIR.resolve("kubernetes/recommend-service.yaml")), "StatefulSet");

        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.at("/metadata/consumerGroup").asText())
                .isEqualTo(properties("embed-service").getProperty("mp.messaging.incoming.summaries.group.id"));
        assertThat(trigger.at("/metadata/topic").asText()).isEqualTo(Topics.SUMMARIES.name());
        assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).as("idle consumers beyond the partitions")
                .isLessThanOrEqualTo(Topics.SUMMARIES.partitions());
        List<String> groups = new ArrayList<>();
        recommend.at("/spec/template/spec/containers/0/env").forEach(variable -> {
            if (variable.path("name").asText().equals("MP_MESSAGING_INCOMING_PAPERS_GROUP_ID")) {
                groups.add(variable.path("value").asText());
            }
        });
        assertThat(groups).singleElement().asString()
                .startsWith(ServiceLauncher.RECOMMEND_INDEX_GROUP + "-").contains("$(POD_NAME)");
        assertThat(recommend.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("recommend-index");
    }

    private static Set<ValidationMessage> validate(JsonNode resource) throws IOException {
        String file = SCHEMA_FILES.get(resource.path("apiVersion").asText());
        assertThat(file).as("a schema for apiVersion " + resource.path("apiVersion")).isNotNull();
        ObjectNode schema;
        try (InputStream in = DeploymentManifestsTest.class.getResourceAsStream("/deploy-schemas/" + file)) {
            schema = (ObjectNode) YAML.readTree(in);
        }
        String kind = resource.path("kind").asText();
        assertThat(schema.path("$defs").has(kind)).as("a schema for kind " + kind + " in " + file).isTrue();
        schema.put("$ref", "#/$defs/" + kind);
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        return validator.validate(resource);
    }

    private static List<Manifest> manifests() throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (String dir : List.of("kubernetes", "kafka")) {
            try (Stream<Path> files = Files.list(DEPLOY_DIR.resolve(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    manifests.addAll(manifests(file));
                }
            }
        }
        return manifests;
    }

    private static List<Manifest> manifests(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(document -> document != null && !document.isEmpty())
                    .map(document -> new Manifest(file, document)).toList();
        }
    }

    private static JsonNode single(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).map(Manifest::resource).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind);
        }).orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        Path file = Path.of("../..", service, "src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
