package dev.ronbun.recommend.index;

import java.util.List;

/**
 * A passage of a found paper with the query's terms marked, as plain text and character ranges: the page builds its
 * {@code <mark>} elements from these, so document text never becomes markup.
 *
 * @param field where the passage comes from: {@code title}, {@code summary} or {@code body}
 * @param text  the passage as written (cut at a sentence or near the marks; an ellipsis says where it was cut)
 * @param marks the matched ranges of {@code text}, in order, not overlapping
 */
public record Snippet(String field, String text, List<Mark> marks) {

    /** Characters {@code [start, end)} of the snippet's text, in UTF-16 units as Java and JavaScript count them. */
    public record Mark(int start, int end) {
    }
}
