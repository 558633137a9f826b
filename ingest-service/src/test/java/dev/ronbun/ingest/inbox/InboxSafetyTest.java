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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The inbox never reads outside its folder (issue 17, repro 2: {@code ln -s /etc/passwd .ronbun/inbox/x.txt} once
 * published /etc/passwd): links, FIFOs and files that can never succeed go to failed/ with the reason, at once, the
 * link itself and never its target; nothing of theirs is published.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class InboxSafetyTest {

    @Inject
    IngestConfig config;

    @Test
    void aSymbolicLinkToAFileOutsideTheInboxIsMovedToFailedWithoutReadingItsTarget() throws Exception {
        Path outside = secretOutsideTheInbox("outside-secret");
        String content = Files.readString(outside);
        Path inbox = config.inbox().dir();
        Files.createSymbolicLink(inbox.resolve("passwd-link.txt"), outside.toAbsolutePath());

        String reason = awaitRefusal("passwd-link.txt");

        assertThat(reason).contains("symbolic link");
        assertThat(inbox.resolve("failed/passwd-link.txt")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(inbox.resolve("failed/passwd-link.txt"))).isEqualTo(outside.toAbsolutePath());
        assertThat(outside).hasContent(content);
        assertNothingPublishedFrom("passwd-link.txt", "outside-secret");
    }

    @Test
    void aSymbolicLinkToADocumentInsideTheInboxIsRefusedToo() throws Exception {
        Path inbox = config.inbox().dir();
        Path hidden = inbox.resolve(".inside-secret.txt");
        Files.writeString(hidden, secretNotes("inside-secret"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(inbox.resolve("inside-link.txt"), hidden.toAbsolutePath());

        assertThat(awaitRefusal("inside-link.txt")).contains("symbolic link");
        assertThat(hidden).exists();
        assertNothingPublishedFrom("inside-link.txt", "inside-secret");
    }

    @Test
    void aSymbolicLinkToAFolderIsRefusedAndTheFolderLeftAlone() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "linked-folder");
        Files.writeString(folder.resolve("notes.txt"), secretNotes("folder-secret"), StandardCharsets.UTF_8);
        Path inbox = config.inbox().dir();
        Files.createSymbolicLink(inbox.resolve("folder-link"), folder.toAbsolutePath());

        assertThat(awaitRefusal("folder-link")).contains("symbolic link");
        assertThat(folder.resolve("notes.txt")).exists();
        assertNothingPublishedFrom("notes.txt", "folder-secret");
    }

    @Test
    void aHardLinkToAFileElsewhereIsRefusedAndTheFileKept() throws Exception {
        Path outside = secretOutsideTheInbox("hard-link-secret");
        Path inbox = config.inbox().dir();
        Files.createLink(inbox.resolve("hard-link.txt"), outside);

        assertThat(awaitRefusal("hard-link.txt")).contains("hard link");
        assertThat(outside).exists();
        assertNothingPublishedFrom("hard-link.txt", "hard-link-secret");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path inbox = config.inbox().dir();
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.txt").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(awaitRefusal("pipe.txt")).contains("not a regular file");
        assertThat(Files.isSymbolicLink(inbox.resolve("failed/pipe.txt"))).isFalse();
        assertThat(Files.isRegularFile(inbox.resolve("failed/pipe.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFileOverTheSizeLimitGoesToFailedAtOnce() throws Exception {
        Path inbox = config.inbox().dir();
        byte[] tooLarge = new byte[config.maxDocumentBytes() + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        Files.write(inbox.resolve("huge.txt"), tooLarge);

        assertThat(awaitRefusal("huge.txt")).contains("too large").contains(Integer.toString(config.maxDocumentBytes()));
    }

    @Test
    void aDocumentWithTooManyPapersGoesToFailedAtOnce() throws Exception {
        Path inbox = config.inbox().dir();
        StringBuilder headings = new StringBuilder();
        for (int i = 0; i <= config.maxPapersPerDocument(); i++) {
            headings.append("# Heading number ").append(i).append(" (inbox cap)\n本文 ").append(i).append("\n\n");
        }
        Files.writeString(inbox.resolve("headings.md"), headings, StandardCharsets.UTF_8);

        assertThat(awaitRefusal("headings.md")).contains("Too many papers").contains("at most " + config.maxPapersPerDocument());
        assertNothingPublishedFrom("headings.md", "(inbox cap)");
    }

    private static Path secretOutsideTheInbox(String marker) throws Exception {
        Path outside = Files.createTempFile(Path.of("target"), marker, ".txt");
        Files.writeString(outside, secretNotes(marker), StandardCharsets.UTF_8);
        return outside;
    }

    /** A document that would be published if the inbox read it. */
    private static String secretNotes(String marker) {
        return """
                2026-03-10 機械学習勉強会

                @Secret Keeper

                [論文] Never Published %s %s

                  • これが公開されたら inbox が外を読んだということ
                """.formatted(marker, UUID.randomUUID());
    }

    private String awaitRefusal(String name) throws Exception {
        Path reason = config.inbox().dir().resolve("failed/" + name + InboxFolder.REASON_SUFFIX);
        await(() -> Files.exists(reason));
        assertThat(config.inbox().dir().resolve(name)).doesNotExist();
        assertThat(Files.exists(config.inbox().dir().resolve("failed/" + name), LinkOption.NOFOLLOW_LINKS)).isTrue();
        return Files.readString(reason);
    }

    private static void assertNothingPublishedFrom(String documentName, String marker) {
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(3))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> documentName.equals(s.documentName()) || String.valueOf(s.title()).contains(marker))
                .toList();
        assertThat(published).isEmpty();
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
