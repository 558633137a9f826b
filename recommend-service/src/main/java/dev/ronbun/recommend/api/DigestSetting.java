package dev.ronbun.recommend.api;

import java.time.Instant;

/**
 * A reader's digest setting as the API shows it.
 *
 * @param email      null until the reader sets one
 * @param frequency  {@code daily}, {@code weekly} or {@code off}
 * @param lastSentAt when the last digest went out; null before the first
 */
public record DigestSetting(String email, String frequency, Instant lastSentAt) {
}
