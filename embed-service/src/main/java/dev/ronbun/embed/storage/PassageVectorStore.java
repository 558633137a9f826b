package dev.ronbun.embed.storage;

import dev.ronbun.embed.embedding.PassageVectorCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;

/**
 * The passage vector cache in PostgreSQL ({@code passage_vectors}). Rows are written once and never changed: a key
 * is the hash of the passage as the model sees it, so the same key under the same version always means the same
 * vector. Which stored summaries use a row is kept in {@code summary_passages} by {@link PaperVectors}; rows none uses
 * any more (their summaries were retracted) go with {@link #dropUnreferenced}, rows of a retired model version with
 * {@link ModelVersions}' retirement.
 */
@ApplicationScoped
public class PassageVectorStore implements PassageVectorCache {

    private final EntityManager em;

    public PassageVectorStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Map<String, float[]> find(String modelVersion, Collection<String> keys) {
        Map<String, float[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select passage_hash, vector from passage_vectors where model_version = ? and passage_hash = any(?)")) {
                select.setString(1, modelVersion);
                select.setArray(2, connection.createArrayOf("text", keys.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), floats(rows.getArray(2)));
                    }
                }
            }
        });
        return found;
    }

    @Override
    @Transactional
    public void remember(String modelVersion, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            // Sorted keys: two writers inserting overlapping passages lock the rows in the same order.
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into passage_vectors (model_version, passage_hash, vector) values (?, ?, ?)
                    on conflict do nothing""")) {
                for (String key : vectors.keySet().stream().sorted().toList()) {
                    float[] vector = vectors.get(key);
                    Float[] boxed = new Float[vector.length];
                    for (int i = 0; i < vector.length; i++) {
                        boxed[i] = vector[i];
                    }
                    insert.setString(1, modelVersion);
                    insert.setString(2, key);
                    insert.setArray(3, connection.createArrayOf("float4", boxed));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Drops those of the given passage vectors that no stored summary vector uses any more: after a document's
     * summaries were retracted, the passages they linked (looking only at those keeps a retraction's cost that of the
     * retracted text, not of the whole cache). A new summary's rows come with its links in the store's transaction;
     * a row a re-embed cached for a summary not yet linked may go too: that costs one embedding later, never a wrong
     * vector (links do not depend on the rows).
     *
     * @return rows dropped
     */
    @Transactional
    public int dropUnreferenced(Collection<PassageRef> passages) {
        if (passages.isEmpty()) {
            return 0;
        }
        int[] dropped = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from passage_vectors p
                    where (p.model_version, p.passage_hash) in (select * from unnest(?::text[], ?::text[]))
                    and not exists (select 1 from summary_passages l
                                    where l.model_version = p.model_version and l.passage_hash = p.passage_hash)""")) {
                delete.setArray(1, connection.createArrayOf("text",
                        passages.stream().map(PassageRef::modelVersion).toArray()));
                delete.setArray(2, connection.createArrayOf("text",
                        passages.stream().map(PassageRef::passageHash).toArray()));
                dropped[0] = delete.executeUpdate();
            }
        });
        return dropped[0];
    }

    /** Passage vectors cached for the version. */
    @Transactional
    public long count(String modelVersion) {
        return ((Number) em.createNativeQuery("select count(*) from passage_vectors where model_version = ?1")
                .setParameter(1, modelVersion).getSingleResult()).longValue();
    }

    private static float[] floats(Array array) throws java.sql.SQLException {
        Object values = array.getArray();
        if (values instanceof float[] primitive) {
            return primitive;
        }
        Object[] boxed = (Object[]) values;
        float[] vector = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            vector[i] = ((Number) boxed[i]).floatValue();
        }
        return vector;
    }
}
