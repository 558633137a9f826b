package dev.ronbun.recommend.api;

/** The body of {@code POST /api/readers/{readerId}/feed/seen}, and its answer: where the feed cursor now stands. */
public record SeenBody(String until) {

    static final String EXPECTED = "{\"until\": \"2026-01-31T09:00:00Z\"}";
}
