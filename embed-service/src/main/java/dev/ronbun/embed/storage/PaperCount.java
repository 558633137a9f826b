package dev.ronbun.embed.storage;

import jakarta.persistence.EntityManager;

/**
 * How many papers there are, as the caller's transaction sees them: the sum of the changes migration V9's triggers
 * record as papers are inserted and deleted, a short sum instead of a count of every paper. When the changes pile up,
 * one transaction at a time folds them into a single row; a transaction that finds another folding just reads.
 */
final class PaperCount {

    /** Changes left unfolded at most (about): the sum over them stays a read of a few pages. */
    static final int FOLD_AFTER = 256;

    private PaperCount() {
    }

    static long read(EntityManager em) {
        Object[] sumAndChanges = (Object[]) em.createNativeQuery(
                        "select coalesce(sum(papers), 0), count(*) from paper_count_changes")
                .getSingleResult();
        long papers = ((Number) sumAndChanges[0]).longValue();
        if (((Number) sumAndChanges[1]).longValue() > FOLD_AFTER && foldingIsOurs(em)) {
            // Changes another transaction has not committed yet are not seen here, so they stay, and so does the sum.
            em.createNativeQuery("""
                            with folded as (delete from paper_count_changes returning papers)
                            insert into paper_count_changes (papers) select coalesce(sum(papers), 0) from folded""")
                    .executeUpdate();
        }
        return papers;
    }

    /** Whether this transaction may fold the changes: held until it ends, never waited for. */
    private static boolean foldingIsOurs(EntityManager em) {
        return (Boolean) em.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtextextended('paper_count_changes', 0))")
                .getSingleResult();
    }
}
