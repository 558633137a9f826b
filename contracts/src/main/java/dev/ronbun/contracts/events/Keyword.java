package dev.ronbun.contracts.events;

/** A Kuromoji keyword of a paper with its TF-IDF weight over the corpus. */
public record Keyword(String term, double weight) {
}
