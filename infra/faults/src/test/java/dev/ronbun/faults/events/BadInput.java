package dev.ronbun.faults.events;

/**
 * A record that breaks its topic's contract and must therefore land, once, on the dead-letter topic.
 *
 * @param topic          where the suite writes it
 * @param key            unique per scenario, so each dead letter can be matched to its input
 * @param value          the malformed value
 * @param reasonContains what the {@code dead-letter-reason} header must say
 */
public record BadInput(String topic, String key, String value, String reasonContains) {
}
