package dev.ronbun.faults.events;

import java.nio.charset.StandardCharsets;

/**
 * A record that breaks its topic's contract and must therefore land, once, on the dead-letter topic.
 *
 * @param topic          where the suite writes it
 * @param partition      the partition it is written to, so that a good record is sure to follow it there; null
 *                       for the producer's choice by key
 * @param key            unique per scenario, so each dead letter can be matched to its input
 * @param value          the malformed value, as bytes (some are not even UTF-8)
 * @param reasonContains what the {@code dead-letter-reason} header must say; null when any reason will do
 */
public record BadInput(String topic, Integer partition, String key, byte[] value, String reasonContains) {

    /** A malformed UTF-8 value, partitioned by key, whose dead letter must give a known reason. */
    public BadInput(String topic, String key, String value, String reasonContains) {
        this(topic, null, key, value.getBytes(StandardCharsets.UTF_8), reasonContains);
    }
}
