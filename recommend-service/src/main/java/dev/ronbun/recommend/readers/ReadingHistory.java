package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readers' histories and profiles in PostgreSQL. Recording an event is idempotent by event id, so a redelivered
 * record changes nothing; each new event also updates the reader's row for that paper (see {@link ReaderPaperEntity}).
 */
@ApplicationScoped
public class ReadingHistory {

    private final EntityManager em;
    private final Clock clock;
    private final MergedWorks mergedWorks;

    public ReadingHistory(EntityManager em, Clock clock, MergedWorks mergedWorks) {
        this.em = em;
        this.clock = clock;
        this.mergedWorks = mergedWorks;
    }

    /** Stores the event and folds it into the profile; false when this event id was already stored. */
    @Transactional
    public boolean record(ReadingEvent event) {
        lockReader(em, event.readerId());
        Instant at = event.at() == null ? clock.instant() : event.at();
        if (erasedSince(event.readerId(), at)) {
            // Read before the reader erased their data, and consumed only now (lag, a replay): it stays erased.
            return false;
        }
        ensureReader(event.readerId());
        // An event may still name a record since merged into another as the same work: it counts for that one.
        String paperId = mergedWorks.current(event.paperId());
        int inserted = em.createNativeQuery("""
                        insert into reading_events (event_id, reader_id, paper_id, type, dwell_seconds, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (event_id) do nothing""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.readerId())
                .setParameter(3, paperId)
                .setParameter(4, event.type().wireName())
                .setParameter(5, event.dwellSeconds())
                .setParameter(6, at)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        ReaderPaperEntity.Id id = new ReaderPaperEntity.Id(event.readerId(), paperId);
        if (event.type() == ReadingType.UNSAVED || event.type() == ReadingType.UNDISMISSED) {
            refoldWithoutUndoneActs(id);
            return true;
        }
        ReaderPaperEntity paper = em.find(ReaderPaperEntity.class, id);
        double weight = InteractionWeights.of(event.type(), event.dwellSeconds());
        if (paper == null) {
            paper = new ReaderPaperEntity();
            paper.id = id;
            paper.weight = weight;
            paper.lastType = event.type().wireName();
            paper.lastAt = at;
            em.persist(paper);
        } else {
            paper.weight = Math.max(paper.weight, weight);
            if (!at.isBefore(paper.lastAt)) {
                paper.lastType = event.type().wireName();
                paper.lastAt = at;
            }
        }
        return true;
    }

    /**
     * Folds the reader's events on the paper again, leaving out every save at or before the latest unsave and every
     * dismissal (or less of this topic) at or before the latest undismiss: an undo takes back what it undoes, and
     * nothing else (a like or a read still counts). With nothing left the paper leaves the profile.
     */
    private void refoldWithoutUndoneActs(ReaderPaperEntity.Id id) {
        List<ReadingEventEntity> events = em.createQuery("""
                        select e from ReadingEventEntity e where e.readerId = :reader and e.paperId = :paper
                        order by e.occurredAt, e.eventId""", ReadingEventEntity.class)
                .setParameter("reader", id.readerId())
                .setParameter("paper", id.paperId())
                .getResultList();
        Instant savesUndoneUntil = latest(events, ReadingType.UNSAVED);
        Instant dismissalsUndoneUntil = latest(events, ReadingType.UNDISMISSED);
        ReaderPaperEntity paper = em.find(ReaderPaperEntity.class, id);
        ReaderPaperEntity folded = null;
        for (ReadingEventEntity e : events) {
            ReadingType type = ReadingType.fromWire(e.type);
            boolean undone = switch (type) {
                case UNSAVED, UNDISMISSED -> true;
                case SAVED -> !e.occurredAt.isAfter(savesUndoneUntil);
                case DISMISSED, LESS_OF_TOPIC -> !e.occurredAt.isAfter(dismissalsUndoneUntil);
                default -> false;
            };
            if (undone) {
                continue;
            }
            if (folded == null) {
                folded = new ReaderPaperEntity();
                folded.weight = 0;
            }
            folded.weight = Math.max(folded.weight, InteractionWeights.of(type, e.dwellSeconds));
            folded.lastType = e.type;
            folded.lastAt = e.occurredAt;
        }
        if (folded == null) {
            if (paper != null) {
                em.remove(paper);
            }
            return;
        }
        if (paper == null) {
            folded.id = id;
            em.persist(folded);
        } else {
            paper.weight = folded.weight;
            paper.lastType = folded.lastType;
            paper.lastAt = folded.lastAt;
        }
    }

    private static Instant latest(List<ReadingEventEntity> events, ReadingType type) {
        return events.stream().filter(e -> type.wireName().equals(e.type))
                .map(e -> e.occurredAt).max(Instant::compareTo).orElse(Instant.MIN);
    }

    /** The paper a reader's act on this id counts for: itself, or the paper it was merged into as the same work. */
    @Transactional
    public String currentPaperId(String paperId) {
        return mergedWorks.current(paperId);
    }

    /** The reader's events, newest first. */
    @Transactional
    public List<HistoryEntry> history(String readerId, int limit) {
        return em.createQuery("""
                        select e from ReadingEventEntity e where e.readerId = :reader
                        order by e.occurredAt desc, e.eventId""", ReadingEventEntity.class)
                .setParameter("reader", readerId)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(e -> new HistoryEntry(e.eventId, e.paperId, ReadingType.fromWire(e.type), e.dwellSeconds,
                        e.occurredAt))
                .toList();
    }

    /** The reader's profile from their most recent {@code limit} papers and chosen keywords. */
    @Transactional
    public ReaderProfile profile(String readerId, int limit) {
        List<PaperSignal> signals = em.createQuery("""
                        select p from ReaderPaperEntity p where p.id.readerId = :reader
                        order by p.lastAt desc""", ReaderPaperEntity.class)
                .setParameter("reader", readerId)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(p -> new PaperSignal(p.id.paperId(), ReadingType.fromWire(p.lastType), p.weight, p.lastAt))
                .toList();
        ReaderEntity reader = em.find(ReaderEntity.class, readerId);
        return new ReaderProfile(readerId, signals, reader == null ? List.of() : List.copyOf(reader.interests));
    }

    @Transactional
    public List<String> interests(String readerId) {
        ReaderEntity reader = em.find(ReaderEntity.class, readerId);
        return reader == null ? List.of() : List.copyOf(reader.interests);
    }

    /** Replaces the keywords the reader chose. */
    @Transactional
    public List<String> replaceInterests(String readerId, List<String> keywords) {
        ReaderEntity reader = ensureReader(readerId);
        reader.interests.clear();
        reader.interests.addAll(keywords);
        return List.copyOf(reader.interests);
    }

    /** Where the reader last marked their feed seen (POST feed/seen), if ever. */
    @Transactional
    public Optional<Instant> lastVisit(String readerId) {
        ReaderEntity reader = em.find(ReaderEntity.class, readerId);
        return reader == null ? Optional.empty() : Optional.ofNullable(reader.lastVisitAt);
    }

    /** Moves the reader's feed cursor to {@code at}; it never moves back. */
    @Transactional
    public void recordVisit(String readerId, Instant at) {
        ReaderEntity reader = ensureReader(readerId);
        if (reader.lastVisitAt == null || reader.lastVisitAt.isBefore(at)) {
            reader.lastVisitAt = at;
        }
    }

    /** How many readers showed interest in each paper since {@code since}, most read first. */
    @Transactional
    public Map<String, Integer> readersByPaper(Instant since, int limit) {
        List<Object[]> rows = em.createQuery("""
                        select p.id.paperId, count(p) from ReaderPaperEntity p
                        where p.lastAt >= :since and p.lastType not in :dismissed
                        group by p.id.paperId order by count(p) desc, p.id.paperId""", Object[].class)
                .setParameter("since", since)
                .setParameter("dismissed",
                        List.of(ReadingType.DISMISSED.wireName(), ReadingType.LESS_OF_TOPIC.wireName()))
                .setMaxResults(limit)
                .getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** The reader's row, created if missing (concurrent creators are fine: the insert ignores a conflict). */
    /**
     * A transaction-scoped lock per reader, taken by {@link ReaderData#erase} and by {@link #record}: an event being
     * folded in while the reader is erased is either erased with the rest or sees the erasure and is ignored.
     */
    static void lockReader(EntityManager em, String readerId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, readerId)
                .getSingleResult();
    }

    private boolean erasedSince(String readerId, Instant at) {
        return !em.createNativeQuery("select 1 from reader_erasures where reader_id = ?1 and erased_at >= ?2")
                .setParameter(1, readerId).setParameter(2, at).getResultList().isEmpty();
    }

    private ReaderEntity ensureReader(String readerId) {
        ReaderEntity reader = em.find(ReaderEntity.class, readerId);
        if (reader != null) {
            return reader;
        }
        em.createNativeQuery("insert into readers (reader_id, created_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, readerId)
                .setParameter(2, clock.instant())
                .executeUpdate();
        return em.find(ReaderEntity.class, readerId);
    }
}
