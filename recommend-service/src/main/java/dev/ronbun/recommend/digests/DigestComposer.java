package dev.ronbun.recommend.digests;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.ranking.Feed;
import dev.ronbun.recommend.ranking.Recommendation;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a reader's feed window as a digest: Qute templates for the HTML part (which escape every value, so a
 * title with markup arrives as text) and the plain-text part; the subject holds no text from any document.
 */
@ApplicationScoped
public class DigestComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Template html;
    private final Template text;
    private final DigestSettings settings;

    public DigestComposer(@Location("digests/digest.html") Template html, @Location("digests/digest.txt") Template text,
                          RecommendConfig config) {
        this.html = html;
        this.text = text;
        this.settings = config.digests();
    }

    public DigestMessage compose(DigestSubscription reader, Feed feed, String unsubscribeToken) {
        String base = baseUrl();
        String unsubscribeUrl = base + "digests/unsubscribe/" + unsubscribeToken;
        List<DigestItem> items = feed.items().stream().map(item -> item(item, base)).toList();
        String day = ZonedDateTime.ofInstant(feed.until(), settings.zone()).format(DAY);
        String period = reader.frequency() == DigestFrequency.WEEKLY ? "今週" : "今日";
        String subject = "Ronbun: " + period + "の新着論文 " + items.size() + " 件 (" + day + ")";
        Map<String, Object> data = Map.of("subject", subject, "items", items, "day", day,
                "readerUrl", base + "reader.html", "unsubscribeUrl", unsubscribeUrl);
        return new DigestMessage(reader.email(), subject, text.data(data).render(), html.data(data).render(),
                unsubscribeUrl);
    }

    private DigestItem item(Recommendation recommendation, String base) {
        PaperEvent paper = recommendation.paper();
        String summary = paper.summaries().stream().map(PaperSummary::summary).filter(Objects::nonNull)
                .findFirst().orElse("");
        String arxiv = paper.arxivId() == null || paper.arxivId().isBlank() ? null
                : encode(paper.arxivId().strip()).replace("%2F", "/");
        return new DigestItem(PaperDocuments.displayTitle(paper), snippet(summary), recommendation.why(),
                base + "paper.html?id=" + encode(paper.paperId()),
                arxiv == null ? null : "https://arxiv.org/abs/" + arxiv,
                arxiv == null ? null : "https://arxiv.org/pdf/" + arxiv);
    }

    /** The summary's first characters on one line, cut at a code point. */
    private String snippet(String summary) {
        String line = summary.replaceAll("\\s+", " ").strip();
        int max = settings.snippetLength();
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, max)) + "…";
    }

    private String baseUrl() {
        String url = settings.publicUrl().strip();
        return url.endsWith("/") ? url : url + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
