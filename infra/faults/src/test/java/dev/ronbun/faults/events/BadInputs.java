package dev.ronbun.faults.events;

import dev.ronbun.contracts.Topics;
import java.util.List;

/** The deliberately bad inputs of one scenario: malformed summary, paper and reading events. */
public final class BadInputs {

    private BadInputs() {
    }

    public static List<BadInput> forScenario(String scenario) {
        String prefix = "fault-suite:" + scenario + ":";
        return List.of(
                new BadInput(Topics.SUMMARIES.name(), prefix + "summary-not-json",
                        "{\"schemaVersion\":1,\"paperKey\":", "not a valid SummaryEvent"),
                new BadInput(Topics.SUMMARIES.name(), prefix + "summary-wrong-version",
                        "{\"schemaVersion\":99,\"paperKey\":\"arxiv:2799.00001\",\"documentId\":\"d\","
                                + "\"format\":\"structured-summary\",\"title\":\"T\"}", "schemaVersion 99"),
                new BadInput(Topics.SUMMARIES.name(), prefix + "summary-untitled",
                        "{\"schemaVersion\":1,\"paperKey\":\"arxiv:2799.00002\",\"documentId\":\"d\","
                                + "\"format\":\"structured-summary\",\"position\":0}", "neither title nor titleJa"),
                new BadInput(Topics.PAPERS.name(), prefix + "paper-without-vector",
                        "{\"schemaVersion\":1,\"paperId\":\"" + scenario + "-paper\"}", "has no embedding vector"),
                new BadInput(Topics.READING_EVENTS.name(), prefix + "reading-not-json",
                        "read it twice", "not a valid ReadingEvent"),
                new BadInput(Topics.READING_EVENTS.name(), prefix + "reading-without-type",
                        "{\"schemaVersion\":1,\"eventId\":\"e\",\"readerId\":\"r\",\"paperId\":\"p\"}",
                        "reading event has no type"));
    }
}
