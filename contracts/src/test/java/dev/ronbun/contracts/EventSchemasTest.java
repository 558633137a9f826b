package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each event exists as a Java record and as a committed JSON Schema; this keeps them one description. For every topic
 * of {@link Topics}: an event with every field filled and one with every optional field empty, as {@link EventJson}
 * writes them, must validate against the topic's schema, and the schema must name exactly the fields the record
 * writes, nested objects included. A field added to a record and not to its schema (or the reverse) fails the build.
 */
class EventSchemasTest {

    private static final String PAPER_ID = PaperIdentity.paperId("arxiv:2106.09685");
    private static final Instant AT = Instant.parse("2026-12-05T01:00:00Z");

    /** One sample per topic, with every field of the record and of the records inside it filled. */
    private static final Map<String, Object> FULL = Map.of(
            Topics.SUMMARIES.name(), new SummaryEvent(1, "arxiv:2106.09685", "a".repeat(64), "notes.md", 0,
                    DocumentFormat.PAPER_NOTES.wireName(), "LoRA: Low-Rank Adaptation of Large Language Models", "低ランク適応",
                    "2106.09685", List.of("https://arxiv.org/abs/2106.09685"), List.of("Edward Hu"), "佐藤", "paper",
                    LocalDate.parse("2026-01-13"), "要約", List.of(new Section("どんなもの？", "低ランク行列で微調整する。")),
                    "本文", AT, List.of("LLM"), List.of(new Reference("QLoRA", "2305.14314", "https://arxiv.org/abs/2305.14314")),
                    "ICLR", 2022),
            Topics.PAPERS.name(), new PaperEvent(1, PAPER_ID, "arxiv:2106.09685",
                    "LoRA: Low-Rank Adaptation of Large Language Models", "低ランク適応", "2106.09685",
                    List.of("https://arxiv.org/abs/2106.09685"), List.of("Edward Hu"), "paper",
                    List.of(new PaperSummary("s-1", "a".repeat(64), "notes.md", DocumentFormat.PAPER_NOTES.wireName(), "佐藤",
                            LocalDate.parse("2026-01-13"), "要約", List.of(new Section("どんなもの？", "微調整。")), "本文")),
                    List.of(new Keyword("低ランク適応", 0.8)), new PaperEmbedding("bge-small-zh-v1.5-q", "v1", new float[] {0.6f, 0.8f}),
                    AT, AT, List.of("LLM"), List.of(new Reference("QLoRA", "2305.14314", "https://arxiv.org/abs/2305.14314")),
                    List.of(PaperIdentity.paperId("title:lora")), "ICLR", 2022),
            Topics.READING_EVENTS.name(), new ReadingEvent(1, "e-1", "reader-1", PAPER_ID, ReadingType.READ, 42, AT),
            Topics.DOCUMENT_RETRACTIONS.name(), new DocumentRetraction(1, "a".repeat(64), List.of("arxiv:2106.09685"), AT));

    /** The same events with every optional field empty: nulls where the record allows them, empty lists. */
    private static final Map<String, Object> MINIMAL = Map.of(
            Topics.SUMMARIES.name(), new SummaryEvent(1, "title:x", "b".repeat(64), null, 0,
                    DocumentFormat.GENERIC.wireName(), "X", null, null, List.of(), List.of(), null, "paper", null, null,
                    List.of(), "", AT, List.of(), List.of(), null, null),
            Topics.PAPERS.name(), new PaperEvent(1, PAPER_ID, "title:x", null, "エックス", null, List.of(), List.of(), "paper",
                    List.of(new PaperSummary("s-1", "b".repeat(64), null, DocumentFormat.GENERIC.wireName(), null, null, null,
                            List.of(), null)),
                    List.of(), new PaperEmbedding("m", "v", new float[] {1f}), AT, AT, List.of(), List.of(), List.of(), null, null),
            Topics.READING_EVENTS.name(), new ReadingEvent(1, "e-2", "reader-1", PAPER_ID, ReadingType.OPENED, null, AT),
            Topics.DOCUMENT_RETRACTIONS.name(), new DocumentRetraction(1, "b".repeat(64), List.of(), AT));

    static Stream<Arguments> topics() {
        return Topics.all().stream().map(topic -> Arguments.of(topic.name(), topic.schema()));
    }

    @Test
    void everyTopicHasSamplesHere() {
        assertThat(FULL.keySet()).as("a topic was added: give it samples in this test")
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
        assertThat(MINIMAL.keySet()).isEqualTo(FULL.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void theFullSampleFillsEveryFieldOfItsRecord(String topic, String schema) {
        List<String> empty = new ArrayList<>();
        emptyFields(FULL.get(topic), FULL.get(topic).getClass().getSimpleName(), empty);
        assertThat(empty).as("fields of %s the sample leaves empty: fill them so the schema check covers them", topic)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void bothSamplesValidateAgainstTheCommittedSchema(String topic, String schemaPath) throws IOException {
        JsonSchema schema = schema(schemaPath);
        for (Object event : List.of(FULL.get(topic), MINIMAL.get(topic))) {
            JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
            Set<ValidationMessage> problems = schema.validate(json);
            assertThat(problems).as("%s against %s: %s", event.getClass().getSimpleName(), schemaPath, json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void theSchemaNamesExactlyTheFieldsTheRecordWrites(String topic, String schemaPath) throws IOException {
        JsonNode schema = schemaTree(schemaPath);
        JsonNode json = EventJson.mapper().readTree(EventJson.write(FULL.get(topic)));
        List<String> differences = new ArrayList<>();
        compare(json, schema, schema, "$", differences);
        assertThat(differences).as("record and schema %s disagree", schemaPath).isEmpty();
    }

    @Test
    void enumerationsOfTheSchemasComeFromTheirOneDefinition() throws IOException {
        assertThat(texts(schemaTree(Topics.SUMMARIES.schema()).at("/properties/format/enum")))
                .containsExactlyElementsOf(Arrays.stream(DocumentFormat.values()).map(DocumentFormat::wireName).toList());
        assertThat(texts(schemaTree(Topics.READING_EVENTS.schema()).at("/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(ReadingType.values()).map(ReadingType::wireName).toList());
    }

    @Test
    void theCheckNoticesAFieldTheSchemaLacks() throws IOException {
        JsonNode schema = schemaTree(Topics.READING_EVENTS.schema());
        JsonNode json = EventJson.mapper().readTree(EventJson.write(FULL.get(Topics.READING_EVENTS.name())));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("mood", "happy");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("dwellSeconds");

        List<String> differences = new ArrayList<>();
        compare(json, schema, schema, "$", differences);

        assertThat(differences).containsExactlyInAnyOrder("$.mood is written but not in the schema",
                "$.dwellSeconds is in the schema but not written");
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                EventJson.mapper().readTree(EventJson.write(FULL.get(Topics.SUMMARIES.name())));
        json.put("documentId", "not-a-hash").put("format", "newsletter").put("ingestedAt", "yesterday");

        assertThat(schema(Topics.SUMMARIES.schema()).validate(json)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).contains("/documentId", "/format", "/ingestedAt");
    }

    /** Walks the written JSON beside the schema; objects must have the same property names, arrays the same items. */
    private static void compare(JsonNode json, JsonNode schemaNode, JsonNode root, String path, List<String> differences) {
        JsonNode node = resolve(schemaNode, root);
        if (json.isObject()) {
            JsonNode properties = node.path("properties");
            if (properties.isMissingNode()) {
                differences.add(path + " is an object the schema does not describe field by field");
                return;
            }
            Set<String> written = new TreeSet<>();
            json.fieldNames().forEachRemaining(written::add);
            Set<String> described = new TreeSet<>();
            properties.fieldNames().forEachRemaining(described::add);
            for (String name : written) {
                if (!described.contains(name)) {
                    differences.add(path + "." + name + " is written but not in the schema");
                } else {
                    compare(json.get(name), properties.get(name), root, path + "." + name, differences);
                }
            }
            described.stream().filter(name -> !written.contains(name))
                    .forEach(name -> differences.add(path + "." + name + " is in the schema but not written"));
        } else if (json.isArray() && !json.isEmpty() && json.get(0).isObject()) {
            compare(json.get(0), node.path("items"), root, path + "[0]", differences);
        }
    }

    private static JsonNode resolve(JsonNode schemaNode, JsonNode root) {
        JsonNode ref = schemaNode.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? root.at(ref.asText().substring(1)) : schemaNode;
    }

    /** Adds to {@code empty} every component of a record (and of the records inside it) that is null or empty. */
    private static void emptyFields(Object value, String path, List<String> empty) {
        if (value == null || (value instanceof Collection<?> c && c.isEmpty())
                || (value.getClass().isArray() && Array.getLength(value) == 0)) {
            empty.add(path);
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    emptyFields(component.getAccessor().invoke(record), path + "." + component.getName(), empty);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof Collection<?> items) {
            Iterator<?> first = items.iterator();
            emptyFields(first.next(), path + "[0]", empty);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode schemaTree(String path) throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }

    private static JsonSchema schema(String path) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree(path), config);
    }
}
