package dev.ronbun.recommend.readers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Everything Ronbun stores about one reader, to hand it over (export) or erase it. Both walk {@link #TABLES}: a table
 * of per-reader data added later is one more line there, and the export and the erasure
 * follow. An erasure is remembered (reader id and time only, in {@code reader_erasures}) so that reading events
 * still on the topic from before it are not folded in again ({@link ReadingHistory#record}).
 */
@ApplicationScoped
public class ReaderData {

    /**
     * A table holding one reader's rows, keyed by a {@code reader_id} column.
     *
     * @param section the name of its rows in the export
     * @param hidden  columns never exported (a secret's hash is no data of the reader's, and would help guess it)
     * @param order   the column the rows are exported in order of
     */
    record ReaderTable(String section, String table, List<String> hidden, String order) {
    }

    /** Children before parents, so the erasure never waits on a cascade; {@code readers} itself last. */
    static final List<ReaderTable> TABLES = List.of(
            new ReaderTable("history", "reading_events", List.of(), "occurred_at"),
            new ReaderTable("profile", "reader_papers", List.of(), "last_at"),
            new ReaderTable("interests", "reader_interests", List.of(), "position"),
            new ReaderTable("libraryTags", "library_tags", List.of(), "position"),
            new ReaderTable("library", "library_entries", List.of(), "saved_at"),
            new ReaderTable("feedUrl", "reader_feed_urls", List.of("token_sha256"), "created_at"),
            new ReaderTable("digest", "reader_digests", List.of(), "updated_at"),
            new ReaderTable("digestUnsubscribeLinks", "digest_unsubscribe_tokens", List.of("token_sha256"), "issued_at"),
            new ReaderTable("reader", "readers", List.of(), "created_at"));

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;

    public ReaderData(EntityManager em, Clock clock, ObjectMapper json) {
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    /** All of the reader's rows, table by table; empty sections when Ronbun stores nothing about them. */
    @Transactional
    public ObjectNode export(String readerId) {
        ObjectNode export = json.createObjectNode();
        export.put("readerId", readerId);
        export.put("exportedAt", clock.instant().toString());
        for (ReaderTable table : TABLES) {
            String rows = (String) em.createNativeQuery("select cast(coalesce(jsonb_agg(to_jsonb(t) - cast(?2 as text[])"
                            + " order by t." + table.order() + "), '[]'::jsonb) as text) from " + table.table()
                            + " t where t.reader_id = ?1")
                    .setParameter(1, readerId)
                    .setParameter(2, "{" + String.join(",", table.hidden()) + "}")
                    .getSingleResult();
            export.set(table.section(), parse(rows));
        }
        return export;
    }

    /**
     * Erases every row of the reader and remembers when. Erasing a reader with nothing stored, or twice, is fine.
     *
     * @return the time of the erasure
     */
    @Transactional
    public Instant erase(String readerId) {
        ReadingHistory.lockReader(em, readerId);
        Instant now = clock.instant();
        em.createNativeQuery("""
                        insert into reader_erasures (reader_id, erased_at) values (?1, ?2)
                        on conflict (reader_id) do update set erased_at = greatest(reader_erasures.erased_at, excluded.erased_at)""")
                .setParameter(1, readerId).setParameter(2, now).executeUpdate();
        for (ReaderTable table : TABLES) {
            em.createNativeQuery("delete from " + table.table() + " where reader_id = ?1")
                    .setParameter(1, readerId).executeUpdate();
        }
        em.clear(); // entities of the erased rows must not be written back
        return now;
    }

    private JsonNode parse(String rows) {
        try {
            return json.readTree(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned JSON that does not parse", e);
        }
    }
}
