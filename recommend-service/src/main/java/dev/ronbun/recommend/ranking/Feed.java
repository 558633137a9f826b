package dev.ronbun.recommend.ranking;

import java.time.Instant;
import java.util.List;

/** A reader's feed: the papers first seen in {@code [since, until]}, ranked for the reader. */
public record Feed(List<Recommendation> items, Instant since, Instant until) {
}
