package dev.ronbun.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.ingest.config.IngestConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class InboxWatcherTest {

    @Inject
    IngestConfig config;

    @Test
    void aDocumentDroppedIntoTheInboxIsPublishedAndMovedToDone() throws Exception {
        Path inbox = config.inbox().dir();
        String notes = """
                2026-03-03 機械学習勉強会

                @Mika Tanaka

                [論文] Chinchilla: Training Compute-Optimal Large Language Models (inbox test)

                  • 同じ計算量ならモデルを小さくしてデータを増やすほうが良い
                """;
        Files.writeString(inbox.resolve("inbox-notes.txt.part"), notes, StandardCharsets.UTF_8);
        Files.move(inbox.resolve("inbox-notes.txt.part"), inbox.resolve("inbox-notes.txt"));

        await(() -> Files.exists(inbox.resolve("done/inbox-notes.txt")));
        assertThat(inbox.resolve("inbox-notes.txt")).doesNotExist();
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> "inbox-notes.txt".equals(s.documentName())).toList();
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.presenter()).isEqualTo("Mika Tanaka");
            assertThat(s.format()).isEqualTo("study-group-notes");
        });
    }

    @Test
    void aRefusedDocumentMovesToFailedWithTheReasonBesideIt() throws Exception {
        Path inbox = config.inbox().dir();
        Files.write(inbox.resolve("scan.pdf"), new byte[] {0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02});

        await(() -> Files.exists(inbox.resolve("failed/scan.pdf.reason.txt")));
        assertThat(inbox.resolve("failed/scan.pdf")).exists();
        assertThat(Files.readString(inbox.resolve("failed/scan.pdf.reason.txt"))).contains("binary");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
