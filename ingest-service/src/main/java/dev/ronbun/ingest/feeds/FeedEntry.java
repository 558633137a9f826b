package dev.ronbun.ingest.feeds;

/**
 * One entry of a feed, whatever the feed format.
 *
 * @param id    the entry's guid / id, else its link; what makes an entry the same entry when it is edited
 * @param title the entry's title, or null
 * @param link  the entry's page, or null
 * @param html  its content or summary as HTML, or null
 * @param text  its content as plain text or Markdown (JSON Feed {@code content_text}), or null
 */
public record FeedEntry(String id, String title, String link, String html, String text) {

    public boolean hasContent() {
        return (html != null && !html.isBlank()) || (text != null && !text.isBlank());
    }
}
