package dev.ronbun.ingest.publishing;

/** A paper that cannot be published, with the reason carried in the dead-letter record's header. */
public record DeadLetter(String key, String payload, String reason) {
}
