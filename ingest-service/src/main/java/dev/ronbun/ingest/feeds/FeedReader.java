package dev.ronbun.ingest.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.ronbun.contracts.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RSS (0.9x–2.0, 1.0) and Atom with ROME, JSON Feed (1.0, 1.1) with Jackson, into {@link FeedEntry}s.
 * ROME refuses DOCTYPE declarations by default, which keeps external entities out.
 */
public final class FeedReader {

    /** A feed's own title and its entries, in feed order. */
    public record Contents(String title, List<FeedEntry> entries) {
    }

    private FeedReader() {
    }

    public static Contents read(byte[] body, String contentType) throws FeedException {
        if (body == null || body.length == 0) {
            throw new FeedException("The feed is empty.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || startsWithBrace(body)) {
            return readJsonFeed(body);
        }
        return readXml(body);
    }

    private static Contents readXml(byte[] body) throws FeedException {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (com.rometools.rome.io.FeedException | IOException | IllegalArgumentException e) {
            throw new FeedException("Not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String html = null;
            for (SyndContent content : entry.getContents()) {
                if (content.getValue() != null && !content.getValue().isBlank()) {
                    html = content.getValue();
                    break;
                }
            }
            if (html == null && entry.getDescription() != null) {
                html = entry.getDescription().getValue();
            }
            String link = blankToNull(entry.getLink());
            String id = firstPresent(entry.getUri(), link, entry.getTitle());
            entries.add(new FeedEntry(id, blankToNull(entry.getTitle()), link, blankToNull(html), null));
        }
        return new Contents(blankToNull(feed.getTitle()), entries);
    }

    private static Contents readJsonFeed(byte[] body) throws FeedException {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new FeedException("Not a readable JSON Feed: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject() || !root.path("version").asText().startsWith("https://jsonfeed.org/version/")) {
            throw new FeedException("Not a JSON Feed: the object has no \"version\": \"https://jsonfeed.org/version/1.1\".");
        }
        if (!root.path("items").isArray()) {
            throw new FeedException("The JSON Feed has no \"items\" array.");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String link = text(item, "url");
            String title = text(item, "title");
            String html = firstPresent(text(item, "content_html"), text(item, "summary"));
            String id = firstPresent(text(item, "id"), link, title);
            entries.add(new FeedEntry(id, title, link, html, text(item, "content_text")));
        }
        return new Contents(text(root, "title"), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? blankToNull(value.asText()) : null;
    }

    private static boolean startsWithBrace(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return blankToNull(value);
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        // NUL may hide in JSON strings; PostgreSQL refuses it in text.
        return value == null || value.isBlank() ? null : value.replace("\u0000", "").strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
