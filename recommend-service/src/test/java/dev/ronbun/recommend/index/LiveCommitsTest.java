package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live consumer's writes are searchable at once and durable with the next group commit, which keeps the offsets
 * they came from; a restart replays the topic from the further of those and the last replay's, so that nothing the
 * consumer group committed past the index's last commit is lost.
 */
class LiveCommitsTest {

    private static PaperEvent paper(String key) {
        return TestPapers.paper("t:" + key, "Live " + key).kind("live-commits-test").vector(1, 0, 0).build();
    }

    @Test
    void aLiveWriteIsSearchableAtOnceAndARestartReplaysFromTheLastGroupCommitsOffsets(@TempDir Path folder) {
        try (PaperIndex index = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            assertThat(writer.needsReplay()).as("a new index").isTrue();
            writer.markComplete(Map.of(0, 5L, 1, 3L));

            writer.upsertLive(paper("a"), List.of(), 0, 8);
            assertThat(new PaperIndexReader(index).size()).as("searchable before any commit").isEqualTo(1);
            writer.commitIfWritten();
            writer.upsertLive(paper("b"), List.of(), 0, 9);
            writer.deleteLive(paper("a").paperId(), 2, 4);
        } // not a crash (closing commits the papers), but the offsets stay those of the last group commit

        try (PaperIndex reopened = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(reopened);
            assertThat(writer.needsReplay()).as("a tail to replay").isTrue();
            assertThat(writer.restored()).as("its own tail, not a snapshot's").isFalse();
            assertThat(writer.replayFrom()).as("live offsets where further than the replay's, the replay's elsewhere")
                    .isEqualTo(Map.of(0, 8L, 1, 3L));

            writer.upsertLive(paper("c"), List.of(), 0, 12);
            writer.upsertLive(paper("d"), List.of(), 2, 7);
            writer.commitIfWritten();
        }

        try (PaperIndex reopened = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            assertThat(new PaperIndexWriter(reopened).replayFrom()).as("after a group commit: its offsets")
                    .isEqualTo(Map.of(0, 12L, 1, 3L, 2, 7L));
        }
    }

    @Test
    void aPaperThatAbsorbedOtherRecordsRemovesThemInTheSameWrite(@TempDir Path folder) {
        try (PaperIndex index = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            writer.markComplete(Map.of());
            writer.upsertLive(paper("title-record"), List.of(), 0, 1);

            writer.upsertLive(paper("arxiv-record"), List.of(paper("title-record").paperId()), 1, 1);

            PaperIndexReader reader = new PaperIndexReader(index);
            assertThat(reader.size()).isEqualTo(1);
            assertThat(reader.listing(paper("arxiv-record").paperId())).isPresent();
        }
    }

    @Test
    void aPinnedCommitCoversWhatTheLiveConsumerWrote(@TempDir Path folder) throws Exception {
        try (PaperIndex index = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            writer.markComplete(Map.of(0, 5L));
            writer.upsertLive(paper("a"), List.of(), 1, 4);

            try (PinnedCommit commit = writer.pinCommit().orElseThrow()) {
                assertThat(commit.covers()).isEqualTo(Map.of(0, 5L, 1, 4L));
                assertThat(commit.papers()).isEqualTo(1);
            }
        }
    }
}
