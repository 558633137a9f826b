package dev.ronbun.recommend.api;

import java.time.Instant;
import java.util.List;

/** A saved paper in {@code GET /api/readers/{readerId}/library}. */
public record LibraryItem(String paperId, String title, String titleJa, String arxivId, List<String> tags,
                          String note, Instant savedAt) {
}
