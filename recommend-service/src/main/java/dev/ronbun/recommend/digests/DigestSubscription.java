package dev.ronbun.recommend.digests;

import java.time.Instant;

/**
 * A reader's digest setting as a value.
 *
 * @param email      where digests go; null when the reader never set one
 * @param lastSentAt when the last digest went out (the next one lists papers first seen after it); null before the
 *                   first
 */
public record DigestSubscription(String readerId, String email, DigestFrequency frequency, Instant updatedAt,
                                 Instant lastSentAt) {

    static DigestSubscription of(DigestSubscriptionEntity row) {
        return new DigestSubscription(row.readerId, row.email,
                DigestFrequency.fromWire(row.frequency).orElse(DigestFrequency.OFF), row.updatedAt, row.lastSentAt);
    }
}
