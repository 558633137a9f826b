package dev.ronbun.recommend.analytics;

/** A keyword and how many papers carry it. */
public record KeywordCount(String term, int papers) {
}
