package dev.ronbun.recommend.api;

import java.time.Instant;
import java.util.List;

/** A reader's feed as JSON: the papers first seen between {@code since} and {@code until}, ranked for the reader. */
public record FeedResponse(List<RecommendedItem> items, Instant since, Instant until) {
}
