package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.Tags;
import dev.ronbun.contracts.events.ReadingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers' libraries in PostgreSQL: the papers each saved, with tags and a note. Saving again replaces the tags and
 * note and keeps the first save time (the library lists by when a paper entered it).
 */
@ApplicationScoped
public class ReaderLibrary {

    private final EntityManager em;
    private final Clock clock;

    public ReaderLibrary(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Saves the paper with these (already normalised) tags and note. */
    @Transactional
    public LibraryEntry save(String readerId, String paperId, List<String> tags, String note) {
        em.createNativeQuery("insert into readers (reader_id, created_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, readerId)
                .setParameter(2, clock.instant())
                .executeUpdate();
        ReaderPaperEntity.Id id = new ReaderPaperEntity.Id(readerId, paperId);
        LibraryEntryEntity entry = em.find(LibraryEntryEntity.class, id);
        if (entry == null) {
            entry = new LibraryEntryEntity();
            entry.id = id;
            entry.savedAt = clock.instant();
            entry.tags.addAll(tags);
            entry.note = note;
            em.persist(entry);
        } else {
            entry.tags.clear();
            entry.tags.addAll(tags);
            entry.note = note;
        }
        return toEntry(entry);
    }

    /** Takes the paper out of the library; false when it was not there. */
    @Transactional
    public boolean remove(String readerId, String paperId) {
        LibraryEntryEntity entry = em.find(LibraryEntryEntity.class, new ReaderPaperEntity.Id(readerId, paperId));
        if (entry == null) {
            return false;
        }
        em.remove(entry);
        return true;
    }

    /** The reader's library, newest save first; only papers tagged {@code tag} (any case) when it is not null. */
    @Transactional
    public List<LibraryEntry> entries(String readerId, String tag) {
        return em.createQuery("""
                        select e from LibraryEntryEntity e where e.id.readerId = :reader
                        order by e.savedAt desc, e.id.paperId""", LibraryEntryEntity.class)
                .setParameter("reader", readerId)
                .getResultList().stream()
                .map(ReaderLibrary::toEntry)
                .filter(entry -> tag == null || entry.hasTag(tag))
                .toList();
    }

    /**
     * Every tag of the reader's library (entries newest first) with how many papers carry it, most used first; a tag
     * spelt in several cases is shown as the reader first spelt it.
     */
    public static List<TagCount> tagCounts(List<LibraryEntry> entries) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LibraryEntry entry : entries.reversed()) {
            for (String tag : entry.tags()) {
                spelling.putIfAbsent(Tags.fold(tag), tag);
                counts.merge(Tags.fold(tag), 1, Integer::sum);
            }
        }
        List<TagCount> result = new ArrayList<>();
        counts.forEach((key, count) -> result.add(new TagCount(spelling.get(key), count)));
        result.sort(Comparator.comparingInt(TagCount::count).reversed().thenComparing(TagCount::tag));
        return result;
    }

    /** The papers under one tag as a profile of their own: arxiv-sanity's per-tag recommendations. */
    public static ReaderProfile tagProfile(String readerId, List<LibraryEntry> tagged) {
        return new ReaderProfile(readerId, tagged.stream()
                .map(entry -> new PaperSignal(entry.paperId(), ReadingType.SAVED,
                        InteractionWeights.of(ReadingType.SAVED, null), entry.savedAt()))
                .toList(), List.of());
    }

    private static LibraryEntry toEntry(LibraryEntryEntity entity) {
        return new LibraryEntry(entity.id.paperId(), entity.tags, entity.note, entity.savedAt);
    }
}
