package dev.ronbun.recommend.readers;

import dev.ronbun.recommend.security.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Secret per-reader feed URLs for feed readers, which cannot send a bearer token: a random 256-bit token in the path
 * stands for the reader. Only its SHA-256 is stored; issuing a new one replaces the old, revoking deletes it.
 */
@ApplicationScoped
public class FeedUrls {

    private final EntityManager em;
    private final Clock clock;

    public FeedUrls(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Issues a new secret for the reader (the old one stops working) and returns it; it is never stored. */
    @Transactional
    public String issue(String readerId) {
        String token = SecretTokens.issue();
        em.createNativeQuery("insert into readers (reader_id, created_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, readerId)
                .setParameter(2, clock.instant())
                .executeUpdate();
        FeedUrlEntity url = em.find(FeedUrlEntity.class, readerId);
        if (url == null) {
            url = new FeedUrlEntity();
            url.readerId = readerId;
            url.tokenSha256 = SecretTokens.hash(token);
            url.createdAt = clock.instant();
            em.persist(url);
        } else {
            url.tokenSha256 = SecretTokens.hash(token);
            url.createdAt = clock.instant();
        }
        return token;
    }

    /** Revokes the reader's secret URL; true when there was one. */
    @Transactional
    public boolean revoke(String readerId) {
        return em.createQuery("delete from FeedUrlEntity u where u.readerId = :reader")
                .setParameter("reader", readerId).executeUpdate() > 0;
    }

    /** The reader a secret stands for, if it is current. */
    @Transactional
    public Optional<String> readerFor(String token) {
        List<String> readers = em.createQuery(
                        "select u.readerId from FeedUrlEntity u where u.tokenSha256 = :hash", String.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultList();
        return readers.stream().findFirst();
    }
}
