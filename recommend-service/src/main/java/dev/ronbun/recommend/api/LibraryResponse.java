package dev.ronbun.recommend.api;

import dev.ronbun.recommend.readers.TagCount;
import java.util.List;

/** The reader's library, newest save first, and every tag of it with its count (whatever the filter). */
public record LibraryResponse(List<LibraryItem> items, List<TagCount> tags) {
}
