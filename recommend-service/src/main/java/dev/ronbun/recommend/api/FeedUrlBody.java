package dev.ronbun.recommend.api;

/** A reader's secret Atom feed URL, absolute, to paste into a feed reader. */
public record FeedUrlBody(String url) {
}
