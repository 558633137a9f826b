package dev.ronbun.contracts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Publishes the topic names of {@link Topics} as configuration ({@code ronbun.topic.summaries},
 * {@code ronbun.topic.summaries.dlq}, …) so that each service's messaging channels name their topic as
 * {@code ${ronbun.topic.summaries}} instead of repeating the string.
 */
public class TopicsConfigSource implements ConfigSource {

    private static final Map<String, String> PROPERTIES = properties();

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("ronbun.topic.summaries", Topics.SUMMARIES.name());
        properties.put("ronbun.topic.papers", Topics.PAPERS.name());
        properties.put("ronbun.topic.reading-events", Topics.READING_EVENTS.name());
        properties.put("ronbun.topic.document-retractions", Topics.DOCUMENT_RETRACTIONS.name());
        properties.put("ronbun.topic.summaries.dlq", Topics.SUMMARIES.deadLetter());
        properties.put("ronbun.topic.papers.dlq", Topics.PAPERS.deadLetter());
        properties.put("ronbun.topic.reading-events.dlq", Topics.READING_EVENTS.deadLetter());
        properties.put("ronbun.topic.document-retractions.dlq", Topics.DOCUMENT_RETRACTIONS.deadLetter());
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "ronbun-topics";
    }

    @Override
    public int getOrdinal() {
        return 50; // below application.properties, so an installation can still rename a topic
    }
}
