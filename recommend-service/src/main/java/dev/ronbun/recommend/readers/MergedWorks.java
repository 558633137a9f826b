package dev.ronbun.recommend.readers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Readers' history follows a paper merged into another as the same work (a title-keyed record that a later document
 * gave an arXiv id, see {@code PaperEvent.formerIds}): their events and profile rows move to the surviving paper, and
 * the former id stays an alias, so an event that still names it lands there too. Carrying again changes nothing.
 */
@ApplicationScoped
public class MergedWorks {

    private final EntityManager em;
    private final Clock clock;

    public MergedWorks(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Moves every reader's events and profile rows on the former ids to the paper, and records the aliases. */
    @Transactional
    public void carry(Collection<String> formerIds, String paperId) {
        for (String formerId : formerIds) {
            if (formerId.equals(paperId)) {
                continue;
            }
            em.createNativeQuery("""
                            insert into paper_aliases (former_id, paper_id, merged_at) values (?1, ?2, ?3)
                            on conflict (former_id) do update set paper_id = excluded.paper_id""")
                    .setParameter(1, formerId).setParameter(2, paperId).setParameter(3, clock.instant())
                    .executeUpdate();
            // An alias of the former record (merged into it earlier) now names the surviving paper too.
            update("update paper_aliases set paper_id = ?1 where paper_id = ?2", paperId, formerId);
            update("update reading_events set paper_id = ?1 where paper_id = ?2", paperId, formerId);
            // A reader who read both records keeps one row: the strongest interest and the latest act.
            update("""
                    insert into reader_papers (reader_id, paper_id, weight, last_type, last_at)
                    select reader_id, ?1, weight, last_type, last_at from reader_papers where paper_id = ?2
                    on conflict (reader_id, paper_id) do update set
                        weight = greatest(reader_papers.weight, excluded.weight),
                        last_type = case when excluded.last_at > reader_papers.last_at
                                         then excluded.last_type else reader_papers.last_type end,
                        last_at = greatest(reader_papers.last_at, excluded.last_at)""", paperId, formerId);
            em.createNativeQuery("delete from reader_papers where paper_id = ?1").setParameter(1, formerId)
                    .executeUpdate();
        }
    }

    /** The surviving paper's id for an id merged away, else the id itself: a link made before the merge still works. */
    @Transactional
    public String resolve(String paperId) {
        return current(paperId);
    }

    /** As {@link #resolve}, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String current(String paperId) {
        List<?> rows = em.createNativeQuery("select paper_id from paper_aliases where former_id = ?1")
                .setParameter(1, paperId).getResultList();
        return rows.isEmpty() ? paperId : rows.getFirst().toString();
    }

    private void update(String sql, String first, String second) {
        em.createNativeQuery(sql).setParameter(1, first).setParameter(2, second).executeUpdate();
    }
}
