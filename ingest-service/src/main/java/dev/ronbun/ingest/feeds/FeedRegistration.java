package dev.ronbun.ingest.feeds;

/**
 * The body of {@code POST /api/feeds}.
 *
 * @param url  an http(s) URL of an RSS, Atom or JSON Feed
 * @param name a label; the feed's own title when absent
 */
public record FeedRegistration(String url, String name) {
}
