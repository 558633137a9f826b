package dev.ronbun.recommend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Summaries' Markdown as HTML the paper page may insert: raw HTML in the text is escaped (never passed through), links
 * keep only http(s) targets and get rel="nofollow noopener", images load nothing (the text is from uploaded
 * documents, so it is untrusted). The JSON keeps the text; the HTML is an additional field.
 */
public final class SafeMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final UrlSanitizer HTTP_ONLY = new HttpOnlyUrls();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(HTTP_ONLY)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (!(node instanceof Link)) return;
                if (attributes.getOrDefault("href", "").isEmpty()) {
                    // a javascript:, data: or relative target was dropped: the label stays, as text
                    attributes.remove("href");
                } else {
                    attributes.put("rel", "nofollow noopener noreferrer");
                    attributes.put("target", "_blank");
                }
            })
            .build();

    private SafeMarkdown() {
    }

    /** The text as sanitised HTML; empty for null or blank text. */
    public static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * Adds {@code summaryHtml}, {@code bodyHtml} and {@code sections[].html} beside the text fields of each summary in a
     * paper's JSON.
     */
    public static void addHtml(ObjectNode paper) {
        for (JsonNode summary : paper.path("summaries")) {
            if (!(summary instanceof ObjectNode fields)) continue;
            fields.put("summaryHtml", html(fields.path("summary").asText(null)));
            fields.put("bodyHtml", html(fields.path("body").asText(null)));
            for (JsonNode section : fields.path("sections")) {
                if (section instanceof ObjectNode sectionFields) {
                    sectionFields.put("html", html(sectionFields.path("text").asText(null)));
                }
            }
        }
    }

    /** Links to http(s) only (no javascript:, data:, mailto: or relative targets); images never load. */
    private static final class HttpOnlyUrls implements UrlSanitizer {
        private final DefaultUrlSanitizer protocols = new DefaultUrlSanitizer(List.of("http", "https"));

        @Override
        public String sanitizeLinkUrl(String url) {
            String trimmed = url.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") ? protocols.sanitizeLinkUrl(trimmed) : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
