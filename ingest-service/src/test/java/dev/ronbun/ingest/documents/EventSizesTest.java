package dev.ronbun.ingest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.ingest.publishing.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSizesTest {

    @Test
    void anEventOverTheLimitIsRefusedWith413NamingItsSizeAndTheLimit() {
        SummaryEvent summary = summaryWithBody("本文\"".repeat(10_000));
        int size = EventJson.write(summary).getBytes(StandardCharsets.UTF_8).length;

        EventSizes.requireWithin(size, List.of(summary), List.of());
        assertThatThrownBy(() -> EventSizes.requireWithin(size - 1, List.of(summary), List.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(413);
                    assertThat(e.problem().detail()).contains(size + "-byte").contains(Integer.toString(size - 1));
                });
    }

    @Test
    void aDeadLetterOverTheLimitIsRefusedToo() {
        DeadLetter deadLetter = new DeadLetter("doc#0", "x".repeat(1000), "no title");

        assertThatThrownBy(() -> EventSizes.requireWithin(999, List.of(), List.of(deadLetter)))
                .isInstanceOf(ProblemException.class);
    }

    private static SummaryEvent summaryWithBody(String body) {
        return new SummaryEvent(SummaryEvent.SCHEMA_VERSION, "title:size", "d".repeat(64), "size.md", 0, "generic",
                "Size", null, null, List.of(), List.of(), null, "paper", null, "short", List.of(new Section("概要", body)),
                body, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
