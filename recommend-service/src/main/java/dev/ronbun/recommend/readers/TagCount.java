package dev.ronbun.recommend.readers;

/** How many of a reader's saved papers carry a tag. */
public record TagCount(String tag, int count) {
}
