package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The offset {@link CatchingUpCommit} commits for a partition: after the records processed in order, never past a
 * record received and not processed yet, across the gaps a transactional topic leaves between offsets.
 */
class CatchingUpCommitTest {

    @Test
    void nothingIsCommittedBeforeTheFirstRecordIsProcessed() {
        CatchingUpCommit.ProcessedInOrder partition = new CatchingUpCommit.ProcessedInOrder();
        partition.received(7);

        assertThat(partition.next()).isEqualTo(-1);
    }

    @Test
    void theOffsetAfterTheLastRecordProcessedInOrderAcrossGaps() {
        CatchingUpCommit.ProcessedInOrder partition = new CatchingUpCommit.ProcessedInOrder();
        partition.received(3);
        partition.received(4);
        partition.received(6); // 5: a transaction's commit marker
        partition.processed(3);
        partition.processed(4);

        assertThat(partition.next()).isEqualTo(5);

        partition.processed(6);

        assertThat(partition.next()).isEqualTo(7);
    }

    @Test
    void aRecordProcessedAheadOfAnEarlierOneWaitsForIt() {
        CatchingUpCommit.ProcessedInOrder partition = new CatchingUpCommit.ProcessedInOrder();
        partition.received(10);
        partition.received(11);
        partition.received(12);
        partition.processed(11);
        partition.processed(12);

        assertThat(partition.next()).as("10 is not processed yet").isEqualTo(-1);

        partition.processed(10);

        assertThat(partition.next()).isEqualTo(13);
    }

    @Test
    void aRecordReceivedAgainBehindWhatWasProcessedIsIgnored() {
        CatchingUpCommit.ProcessedInOrder partition = new CatchingUpCommit.ProcessedInOrder();
        partition.received(1);
        partition.processed(1);
        partition.received(0);
        partition.received(2);
        partition.processed(2);

        assertThat(partition.next()).isEqualTo(3);
    }
}
