package dev.ronbun.faults.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Poison written straight into each topic, three kinds per topic: bytes that are not JSON (nor UTF-8), valid JSON
 * with impossible values, and a NUL inside a string (PostgreSQL refuses it in text). Each must reach its
 * dead-letter topic with a reason at once, and its consumer must go on: every poison record is written to the
 * partition of a record that will follow it (a paper of a document still to be posted, the suite's steady reader),
 * so a consumer stuck on it shows as a missing record and as lag.
 */
public final class PoisonRecords {

    /** Invalid UTF-8 ({@code C3 28}), a NUL byte, a stray {@code FF}, and half an object. */
    private static final byte[] NOT_JSON = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{', '"', 'a'};
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoisonRecords() {
    }

    /**
     * @param followingPaperKey a paper that will be published after the poison, so its summary and its paper
     *                          follow on the same partitions
     * @param followingReader   a reader whose events keep coming after the poison
     * @param samplePaper       a paper event as embed-service publishes it, copied with a NUL in its title
     */
    public static List<BadInput> forScenario(String scenario, String followingPaperKey, String followingReader,
                                             String samplePaper) {
        String prefix = "fault-suite:" + scenario + ":poison-";
        int summaries = partition(followingPaperKey, Topics.SUMMARIES.partitions());
        int papers = partition(PaperIdentity.paperId(followingPaperKey), Topics.PAPERS.partitions());
        int readings = partition(followingReader, Topics.READING_EVENTS.partitions());
        return List.of(
                new BadInput(Topics.SUMMARIES.name(), summaries, prefix + "summary-bytes", NOT_JSON, null),
                new BadInput(Topics.SUMMARIES.name(), summaries, prefix + "summary-impossible", utf8("""
                        {"schemaVersion":1,"paperKey":"arxiv:2798.00004","documentId":"d","format":"structured-summary",\
                        "title":"Impossible","position":-7,"sourceDate":"2026-13-45"}"""), null),
                new BadInput(Topics.SUMMARIES.name(), summaries, prefix + "summary-nul", utf8("""
                        {"schemaVersion":1,"paperKey":"arxiv:2798.00005","documentId":"d","format":"structured-summary",\
                        "title":"Attention\\u0000Is All You Need","position":0}"""), null),
                new BadInput(Topics.PAPERS.name(), papers, prefix + "paper-bytes", NOT_JSON, null),
                new BadInput(Topics.PAPERS.name(), papers, prefix + "paper-impossible", utf8("""
                        {"schemaVersion":1,"paperId":"%s","paperKey":"arxiv:2798.00006","title":"Impossible",\
                        "embedding":{"modelId":"m","modelVersion":"1","vector":[1e999,-1e999,0]}}"""
                        .formatted(PaperIdentity.paperId("arxiv:2798.00006"))), null),
                new BadInput(Topics.PAPERS.name(), papers, prefix + "paper-nul",
                        nulPaper(samplePaper, "arxiv:2798.00007"), null),
                new BadInput(Topics.READING_EVENTS.name(), readings, prefix + "reading-bytes", NOT_JSON, null),
                new BadInput(Topics.READING_EVENTS.name(), readings, prefix + "reading-impossible", utf8("""
                        {"schemaVersion":1,"eventId":"%s-impossible","readerId":"fault-poison-reader","paperId":"p",\
                        "type":"read","dwellSeconds":-5,"at":"9999-12-31T23:59:59Z"}""".formatted(scenario)), null),
                new BadInput(Topics.READING_EVENTS.name(), readings, prefix + "reading-nul", utf8("""
                        {"schemaVersion":1,"eventId":"%s-x\\u0000y","readerId":"fault-poison-reader","paperId":"p",\
                        "type":"opened","at":null}""".formatted(scenario)), null));
    }

    /** The partition Kafka's default partitioner gives {@code key}. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A real paper event, valid in every way but a NUL in its title, under a paper key of its own. */
    private static byte[] nulPaper(String samplePaper, String paperKey) {
        try {
            ObjectNode paper = (ObjectNode) JSON.readTree(samplePaper);
            paper.put("paperKey", paperKey);
            paper.put("paperId", PaperIdentity.paperId(paperKey));
            paper.put("arxivId", paperKey.substring("arxiv:".length()));
            paper.put("title", "Poisoned\u0000title");
            return JSON.writeValueAsBytes(paper);
        } catch (IOException e) {
            throw new UncheckedIOException("not a paper event: " + samplePaper, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
