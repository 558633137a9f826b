package dev.ronbun.recommend.digests;

import dev.ronbun.recommend.security.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Readers' digest settings in PostgreSQL, the claim that keeps a window from being sent twice, and the secret
 * unsubscribe tokens (stored as their SHA-256 only, like the secret feed URLs).
 */
@ApplicationScoped
public class DigestSubscriptions {

    private final EntityManager em;
    private final Clock clock;

    public DigestSubscriptions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Optional<DigestSubscription> find(String readerId) {
        return Optional.ofNullable(em.find(DigestSubscriptionEntity.class, readerId)).map(DigestSubscription::of);
    }

    /** Sets the reader's address and frequency; when digests resume their window starts again from now's period. */
    @Transactional
    public DigestSubscription set(String readerId, String email, DigestFrequency frequency) {
        Instant now = clock.instant();
        em.createNativeQuery("insert into readers (reader_id, created_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, readerId)
                .setParameter(2, now)
                .executeUpdate();
        DigestSubscriptionEntity row = em.find(DigestSubscriptionEntity.class, readerId);
        boolean created = row == null;
        if (created) {
            row = new DigestSubscriptionEntity();
            row.readerId = readerId;
        }
        row.email = email;
        row.frequency = frequency.wireName();
        row.updatedAt = now;
        if (created) {
            // persisted once complete: the insert takes the entity's state at this call
            em.persist(row);
        }
        return DigestSubscription.of(row);
    }

    /**
     * Up to {@code limit} readers with digests on, after {@code afterReaderId} in reader order (a round pages through
     * them); whether each is due is decided by the caller, who knows the schedule.
     */
    @Transactional
    public List<DigestSubscription> active(String afterReaderId, int limit) {
        return em.createQuery("select d from DigestSubscriptionEntity d where d.frequency <> 'off'"
                        + " and d.readerId > :after order by d.readerId", DigestSubscriptionEntity.class)
                .setParameter("after", afterReaderId == null ? "" : afterReaderId)
                .setMaxResults(limit)
                .getResultList().stream().map(DigestSubscription::of).toList();
    }

    /**
     * Claims the window ending at {@code until} for one send: moves {@code last_sent_at} from what this round read
     * to {@code until}, only if no one moved it meanwhile and the digest is still on. True for exactly one claimant.
     */
    @Transactional
    public boolean claim(DigestSubscription read, Instant until) {
        var update = read.lastSentAt() == null
                ? em.createNativeQuery("update reader_digests set last_sent_at = :until where reader_id = :reader"
                        + " and frequency <> 'off' and last_sent_at is null")
                : em.createNativeQuery("update reader_digests set last_sent_at = :until where reader_id = :reader"
                        + " and frequency <> 'off' and last_sent_at = :read")
                        .setParameter("read", Timestamp.from(read.lastSentAt()));
        update.setParameter("until", Timestamp.from(until)).setParameter("reader", read.readerId());
        return update.executeUpdate() == 1;
    }

    /** Gives a claimed window back after its message could not be sent, so the next round tries it again. */
    @Transactional
    public void release(DigestSubscription read, Instant claimedUntil) {
        // a null parameter has no SQL type a native query could send, so the first window is given back by name
        var update = read.lastSentAt() == null
                ? em.createNativeQuery("update reader_digests set last_sent_at = null"
                        + " where reader_id = :reader and last_sent_at = :claimed")
                : em.createNativeQuery("update reader_digests set last_sent_at = :previous"
                        + " where reader_id = :reader and last_sent_at = :claimed")
                        .setParameter("previous", Timestamp.from(read.lastSentAt()));
        update.setParameter("reader", read.readerId()).setParameter("claimed", Timestamp.from(claimedUntil))
                .executeUpdate();
    }

    /** A new secret for one digest's unsubscribe link (only its SHA-256 is kept); drops the reader's expired ones. */
    @Transactional
    public String issueUnsubscribeToken(String readerId, Instant expireBefore) {
        String token = SecretTokens.issue();
        em.createNativeQuery("delete from digest_unsubscribe_tokens where reader_id = ?1 and issued_at < ?2")
                .setParameter(1, readerId)
                .setParameter(2, Timestamp.from(expireBefore))
                .executeUpdate();
        em.createNativeQuery("insert into digest_unsubscribe_tokens (token_sha256, reader_id, issued_at)"
                        + " values (?1, ?2, ?3)")
                .setParameter(1, SecretTokens.hash(token))
                .setParameter(2, readerId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        return token;
    }

    /** The reader an unsubscribe secret stands for, if it was issued and has not expired. */
    @Transactional
    public Optional<String> readerForUnsubscribe(String token, Instant issuedAfter) {
        List<?> readers = em.createNativeQuery("select reader_id from digest_unsubscribe_tokens"
                        + " where token_sha256 = ?1 and issued_at >= ?2")
                .setParameter(1, SecretTokens.hash(token))
                .setParameter(2, Timestamp.from(issuedAfter))
                .getResultList();
        return readers.stream().map(Object::toString).findFirst();
    }

    /** Turns the reader's digest off (the address stays, so the reader page can turn it on again); true if it was on. */
    @Transactional
    public boolean turnOff(String readerId) {
        return em.createNativeQuery("update reader_digests set frequency = 'off', updated_at = ?1"
                        + " where reader_id = ?2 and frequency <> 'off'")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, readerId)
                .executeUpdate() > 0;
    }
}
