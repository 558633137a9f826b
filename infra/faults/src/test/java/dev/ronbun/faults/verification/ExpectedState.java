package dev.ronbun.faults.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.faults.documents.ExpectedSummary;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.events.BadInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/** Everything the pipeline must hold after the scenarios so far: what was sent, exactly once each. */
public final class ExpectedState {

    private final Set<String> documents = new HashSet<>();
    private final Map<String, String> summaries = new HashMap<>();
    private final Set<String> paperKeys = new HashSet<>();
    private final Set<String> readingEvents = new HashSet<>();
    private final List<BadInput> badInputs = new ArrayList<>();

    public void addDocuments(Collection<SyntheticDocument> sent) {
        for (SyntheticDocument document : sent) {
            documents.add(document.documentId());
            for (ExpectedSummary summary : document.summaries()) {
                summaries.put(summary.summaryId(), summary.paperId());
                paperKeys.add(summary.paperKey());
            }
        }
    }

    public void addReadingEvents(Collection<String> eventIds) {
        readingEvents.addAll(eventIds);
    }

    public void addBadInputs(Collection<BadInput> written) {
        badInputs.addAll(written);
    }

    public int papers() {
        return paperKeys.size();
    }

    public int summaries() {
        return summaries.size();
    }

    public int badInputs() {
        return badInputs.size();
    }

    /** Whether every store has reached its expected size and every consumer has caught up: time to look closely. */
    public boolean isReachedBy(PipelineSnapshot snapshot) {
        return snapshot.ledgerDocuments().size() >= documents.size()
                && snapshot.summaryRows() >= summaries.size()
                && snapshot.paperRows() >= paperKeys.size()
                && snapshot.indexTotal() >= paperKeys.size()
                && snapshot.readingEventIds().size() >= readingEvents.size()
                && snapshot.deadLetters().size() >= badInputs.size()
                && snapshot.totalLag() == 0;
    }

    /** Asserts that the snapshot holds exactly what was sent: nothing missing, nothing twice, nothing else. */
    public void assertHeldExactlyBy(PipelineSnapshot snapshot) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(snapshot.ledgerDocuments()).as("documents in ingest's ledger")
                .hasSameSizeAs(documents).containsExactlyInAnyOrderElementsOf(documents);
        softly.assertThat(snapshot.paperRows()).as("rows in embed's papers").isEqualTo(paperKeys.size());
        softly.assertThat(snapshot.paperKeys()).as("paper keys in embed's papers")
                .containsExactlyInAnyOrderElementsOf(paperKeys);
        softly.assertThat(snapshot.summaryRows()).as("rows in embed's summaries").isEqualTo(summaries.size());
        softly.assertThat(snapshot.summaries()).as("summaries (id → paper id) in embed's summaries")
                .containsExactlyInAnyOrderEntriesOf(summaries);
        softly.assertThat(snapshot.papersWithVector()).as("papers with a vector").isEqualTo(paperKeys.size());
        softly.assertThat(snapshot.indexTotal()).as("papers in recommend's index").isEqualTo(paperKeys.size());
        softly.assertThat(snapshot.readingEventIds()).as("reading events stored by recommend")
                .containsExactlyInAnyOrderElementsOf(readingEvents);
        softly.assertThat(snapshot.consumerLag()).as("consumer lag").allSatisfy((group, lag) ->
                assertThat(lag).as(group).isZero());

        Map<String, List<DeadLetter>> lettersByKey = snapshot.deadLetters().stream()
                .collect(Collectors.groupingBy(letter -> String.valueOf(letter.key())));
        Map<String, BadInput> inputsByKey = badInputs.stream()
                .collect(Collectors.toMap(BadInput::key, Function.identity()));
        softly.assertThat(lettersByKey.keySet()).as("keys on the dead-letter topics")
                .containsExactlyInAnyOrderElementsOf(inputsByKey.keySet());
        for (BadInput input : badInputs) {
            // Dead-lettering is at-least-once: a consumer killed after writing a dead letter but before committing
            // the bad record's offset writes it again after the restart. Twice is allowed; missing or misfiled is not.
            List<DeadLetter> letters = lettersByKey.getOrDefault(input.key(), List.of());
            softly.assertThat(letters).as("dead letters of " + input.key()).isNotEmpty().hasSizeLessThanOrEqualTo(2)
                    .allSatisfy(letter -> {
                        assertThat(letter.topic()).isEqualTo(input.topic() + ".dlq");
                        if (input.reasonContains() == null) {
                            assertThat(letter.reason()).as("dead-letter reason").isNotBlank();
                        } else {
                            assertThat(letter.reason()).contains(input.reasonContains());
                        }
                    });
        }
        softly.assertAll();
    }
}
