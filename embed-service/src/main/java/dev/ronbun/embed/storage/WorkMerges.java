package dev.ronbun.embed.storage;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.SummaryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One work, once: finds the stored paper a summary belongs to when its document keyed it differently (one document
 * gives the arXiv id, another only the title, a third only the Japanese title), and merges records found to be one
 * work. Two records are one work when they share a work title key ({@link PaperIdentity#workTitleKeys}) and do not
 * carry two different arXiv ids. The record that survives is, whatever the order of arrival, the arXiv-keyed one
 * when there is one, else the one keyed by an English title, else the first key in alphabetical order; see
 * {@link #resolve}.
 */
@ApplicationScoped
public class WorkMerges {

    private final EntityManager em;

    public WorkMerges(EntityManager em) {
        this.em = em;
    }

    /** Where a summary goes: the surviving paper and the records to merge into it, all of one work. */
    public record Resolution(UUID paperId, String paperKey, List<UUID> merged) {
    }

    /**
     * Decides which paper a summary belongs to. Locks the summary's keys first (transaction-scoped advisory locks),
     * so two summaries of one work read each other's records even when they are consumed from two partitions at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(SummaryEvent event) {
        Set<String> workKeys = PaperIdentity.workTitleKeys(event.kind(), event.title(), event.titleJa());
        lockKeys(workKeys, event.paperKey());
        String ownKey = event.paperKey();
        UUID ownId = UUID.fromString(PaperIdentity.paperId(ownKey));
        Map<UUID, Record> candidates = new TreeMap<>();
        for (UUID id : papersKnownBy(workKeys)) {
            record(id).ifPresent(r -> candidates.put(id, r));
        }
        UUID ownPaper = formerTarget(ownId).orElse(ownId);
        record(ownPaper).ifPresent(r -> candidates.put(ownPaper, r));

        if (blankToNull(event.arxivId()) != null) {
            // The arXiv id decides: title-only records join it, records of other arXiv ids are other works.
            List<UUID> merged = candidates.entrySet().stream()
                    .filter(c -> !c.getKey().equals(ownId) && c.getValue().arxivId() == null)
                    .map(Map.Entry::getKey).toList();
            return new Resolution(ownId, ownKey, merged);
        }
        Set<String> arxivIds = new TreeSet<>();
        candidates.values().forEach(r -> {
            if (r.arxivId() != null) {
                arxivIds.add(r.arxivId());
            }
        });
        if (arxivIds.size() > 1) {
            // Titles shared by two arXiv papers say nothing about which one this summary means: it stays its own.
            return new Resolution(ownPaper, record(ownPaper).map(Record::paperKey).orElse(ownKey), List.of());
        }
        Map<UUID, Record> all = new TreeMap<>(candidates);
        all.putIfAbsent(ownPaper, new Record(ownKey, null));
        UUID target = all.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<UUID, Record> e) -> rank(e.getValue()))
                        .thenComparing(e -> e.getValue().paperKey()))
                .orElseThrow().getKey();
        List<UUID> merged = candidates.keySet().stream().filter(id -> !id.equals(target)).toList();
        return new Resolution(target, all.get(target).paperKey(), merged);
    }

    /**
     * Moves a record's summaries, terms and title keys to the surviving paper, notes the merge (so that the former id
     * is tombstoned and travels on the paper's events) and deletes the record. The caller holds both rows' locks and
     * recomputes the surviving paper's vectors and keywords afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merge(PaperEntity former, PaperEntity into, Instant now) {
        UUID from = former.paperId;
        UUID to = into.paperId;
        em.flush();
        update("update summaries set paper_id = ?1 where paper_id = ?2", to, from);
        update("""
                insert into paper_terms (paper_id, term, tf) select ?1, term, tf from paper_terms where paper_id = ?2
                on conflict (paper_id, term) do update set tf = paper_terms.tf + excluded.tf""", to, from);
        update("""
                insert into paper_work_keys (work_key, paper_id) select work_key, ?1 from paper_work_keys
                where paper_id = ?2 on conflict do nothing""", to, from);
        update("update paper_merges set paper_id = ?1 where paper_id = ?2", to, from);
        em.createNativeQuery("""
                        insert into paper_merges (former_id, former_key, paper_id, merged_at) values (?1, ?2, ?3, ?4)
                        on conflict (former_id) do update set paper_id = excluded.paper_id""")
                .setParameter(1, from).setParameter(2, former.paperKey).setParameter(3, to).setParameter(4, now)
                .executeUpdate();
        into.title = firstNonBlank(into.title, former.title);
        into.titleJa = firstNonBlank(into.titleJa, former.titleJa);
        into.arxivId = firstNonBlank(into.arxivId, former.arxivId);
        into.authors.addAll(former.authors.stream().filter(a -> !into.authors.contains(a)).toList());
        into.urls.addAll(former.urls.stream().filter(u -> !into.urls.contains(u)).toList());
        if (former.firstSeenAt.isBefore(into.firstSeenAt)) {
            into.firstSeenAt = former.firstSeenAt;
        }
        em.remove(former);
        em.flush();
    }

    /** Records the summary's title keys as the paper's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addKeys(UUID paperId, SummaryEvent event) {
        for (String key : PaperIdentity.workTitleKeys(event.kind(), event.title(), event.titleJa())) {
            em.createNativeQuery("insert into paper_work_keys (work_key, paper_id) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, key).setParameter(2, paperId).executeUpdate();
        }
    }

    /** The ids of every record merged into this paper, oldest merge first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> formerIds(UUID paperId) {
        return strings(em.createNativeQuery(
                        "select cast(former_id as text) from paper_merges where paper_id = ?1 order by merged_at, former_id")
                .setParameter(1, paperId).getResultList());
    }

    /** Former ids of this paper whose tombstone is not yet on the papers topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> awaitingTombstone(UUID paperId) {
        return strings(em.createNativeQuery("""
                        select cast(former_id as text) from paper_merges where paper_id = ?1 and not tombstoned
                        order by merged_at, former_id""")
                .setParameter(1, paperId).getResultList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstoned(Collection<String> formerIds) {
        for (String id : formerIds) {
            em.createNativeQuery("update paper_merges set tombstoned = true where former_id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
        }
    }

    /** A former record's surviving paper, followed through later merges (each merge repoints earlier ones). */
    private Optional<UUID> formerTarget(UUID formerId) {
        List<?> rows = em.createNativeQuery("select cast(paper_id as text) from paper_merges where former_id = ?1")
                .setParameter(1, formerId).getResultList();
        return rows.stream().findFirst().map(r -> UUID.fromString(r.toString()));
    }

    private void lockKeys(Set<String> workKeys, String ownKey) {
        // Sorted: two transactions take shared locks in one order, so they never wait on each other in a circle.
        Set<String> keys = new TreeSet<>(workKeys);
        keys.add(ownKey);
        for (String key : keys) {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                    .setParameter(1, key).getSingleResult();
        }
    }

    private List<UUID> papersKnownBy(Set<String> workKeys) {
        if (workKeys.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (String key : workKeys) {
            em.createNativeQuery("select cast(paper_id as text) from paper_work_keys where work_key = ?1")
                    .setParameter(1, key).getResultList()
                    .forEach(r -> ids.add(UUID.fromString(r.toString())));
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private Optional<Record> record(UUID paperId) {
        PaperEntity paper = em.find(PaperEntity.class, paperId);
        return paper == null ? Optional.empty() : Optional.of(new Record(paper.paperKey, blankToNull(paper.arxivId)));
    }

    /** arXiv-keyed first, then English title, then Japanese title. */
    private static int rank(Record record) {
        if (record.arxivId() != null || record.paperKey().startsWith("arxiv:")) {
            return 0;
        }
        return record.paperKey().startsWith("title:") ? 1 : 2;
    }

    private void update(String sql, UUID first, UUID second) {
        em.createNativeQuery(sql).setParameter(1, first).setParameter(2, second).executeUpdate();
    }

    private static List<String> strings(List<?> rows) {
        return rows.stream().map(Object::toString).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstNonBlank(String existing, String incoming) {
        return existing != null && !existing.isBlank() ? existing : incoming;
    }

    private record Record(String paperKey, String arxivId) {
    }
}
