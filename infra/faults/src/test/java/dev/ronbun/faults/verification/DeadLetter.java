package dev.ronbun.faults.verification;

/** A record found on a dead-letter topic, with the {@code dead-letter-reason} header (null when missing). */
public record DeadLetter(String topic, String key, String reason) {
}
