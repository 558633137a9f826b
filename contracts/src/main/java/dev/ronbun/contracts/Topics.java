package dev.ronbun.contracts;

import java.util.List;

/** The single definition of every topic Ronbun uses; producers, consumers and infra all read it from here. */
public final class Topics {

    /** Parsed papers as ingest found them in a document, one record per paper per document. */
    public static final Topic SUMMARIES = new Topic(
            "ronbun.summaries.v1", "paper key", "schemas/summary-event.v1.json", 6, false);

    /** Stored, embedded papers: the latest state of each paper, so the topic can rebuild any index. */
    public static final Topic PAPERS = new Topic(
            "ronbun.papers.v1", "paper id", "schemas/paper-event.v1.json", 6, true);

    /** What readers opened, read, saved, liked or dismissed. */
    public static final Topic READING_EVENTS = new Topic(
            "ronbun.reading-events.v1", "reader id", "schemas/reading-event.v1.json", 6, false);

    /**
     * Documents a curator retracted, keyed by document id. Compacted: the latest retraction of each document is kept
     * as long as the summaries it voids may be replayed, so an embed-service rebuilt from the topics retracts too.
     */
    public static final Topic DOCUMENT_RETRACTIONS = new Topic(
            "ronbun.document-retractions.v1", "document id", "schemas/document-retraction.v1.json", 6, true);

    /** Header on dead-letter records that says why the record was rejected. */
    public static final String DEAD_LETTER_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }

    public static List<Topic> all() {
        return List.of(SUMMARIES, PAPERS, READING_EVENTS, DOCUMENT_RETRACTIONS);
    }

    /** The names of all topics, dead-letter topics included, as infra creates them. */
    public static List<String> allNames() {
        return all().stream().flatMap(t -> java.util.stream.Stream.of(t.name(), t.deadLetter())).toList();
    }
}
