package dev.ronbun.tools.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made topic labels ({@code infra/eval/labels/topics.json} and {@code twins.json}; the older
 * {@code samples/topics.json} and {@code infra/eval/corpus-topics.json} read the same way): topics, each with
 * the papers (title and arXiv id, one entry per occurrence) that count as related to each other. Topics of the same
 * name in several files are one topic. A topic may say which half of the labels it belongs to ({@code "split":
 * "tune"} or {@code "report"}): settings are chosen on the tuning half only and reported on the other.
 */
public record LabelledTopics(List<Topic> topics) {

    /** A labelled item: a paper, blog post or OSS project, known by title and, where it has one, arXiv id. */
    public record Item(String title, String arxivId) {
    }

    /** @param split {@code tune}, {@code report}, or null where the file does not say */
    public record Topic(String name, List<Item> items, String split) {

        public Topic(String name, List<Item> items) {
            this(name, items, null);
        }
    }

    public static LabelledTopics read(List<Path> files) {
        Map<String, List<Item>> topics = new LinkedHashMap<>();
        Map<String, String> splits = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                JsonNode root = EventJson.mapper().readTree(Files.readString(file));
                for (JsonNode topic : root.path("topics")) {
                    List<Item> items = topics.computeIfAbsent(topic.path("topic").asText(), name -> new ArrayList<>());
                    if (topic.path("split").isTextual()) {
                        splits.putIfAbsent(topic.path("topic").asText(), topic.path("split").asText());
                    }
                    for (JsonNode paper : topic.path("papers")) {
                        JsonNode arxiv = paper.path("arxivId");
                        items.add(new Item(paper.path("title").asText(),
                                arxiv.isTextual() && !arxiv.asText().isBlank() ? arxiv.asText() : null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read topic labels " + file, e);
            }
        }
        List<Topic> list = new ArrayList<>();
        topics.forEach((name, items) -> list.add(new Topic(name, List.copyOf(items), splits.get(name))));
        return new LabelledTopics(List.copyOf(list));
    }
}
