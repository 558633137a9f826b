package dev.ronbun.ingest.parsing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeFilter;

/**
 * Takes raw HTML out of Markdown and plain text, and out of the text {@link HtmlDocumentText} made of a page (where
 * an escaped {@code &lt;script&gt;} came out as {@code <script>}), so that no text field of a paper carries markup a
 * browser would run: script, style, iframe, object, embed and similar elements go with their content; the tags of
 * every other HTML element, comments and any tag with an {@code on…=} attribute go and leave their text. jsoup reads
 * the text as a browser would; only the tags are cut out of the source, so Markdown layout, entities and text such as
 * {@code List<String>} or {@code <mask>} (not HTML elements) stay exactly as written.
 */
public final class RawMarkup {

    /** Elements whose content is code or embedded media rather than text. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "iframe", "object", "embed",
            "applet", "frame", "frameset", "noscript", "noembed", "noframes", "template", "svg", "math");
    /** Cutting can join pieces into a new tag ({@code <scr<b></b>ipt>}); read again until nothing changes. */
    private static final int MAX_ROUNDS = 8;
    /** What must never remain, whatever the parser made of the text: the last guard after the rounds. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i)<\\s*/?\\s*(?:script|style|iframe|object|embed|applet|frame|frameset|noscript|template|svg|math)\\b"
                    + "|<[^<>\\n]*[\\s/\"']on[a-z]+\\s*=");

    private RawMarkup() {
    }

    /** The text with its raw markup cut out; text without a {@code <} is returned as it is. */
    public static String strip(String text) {
        if (text == null || text.indexOf('<') < 0) {
            return text;
        }
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = cutOnce(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        String guarded;
        while (!(guarded = FORBIDDEN.matcher(current).replaceAll("")).equals(current)) {
            current = guarded; // each pass only shortens the text, so this ends
        }
        return current;
    }

    private static String cutOnce(String text) {
        Document document = Parser.htmlParser().setTrackPosition(true).parseInput(text, "");
        List<int[]> cuts = new ArrayList<>();
        document.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element) {
                    return cutTags(element, text.length(), cuts);
                }
                if (node instanceof Comment || node instanceof DocumentType || node instanceof XmlDeclaration) {
                    cut(node.sourceRange(), cuts);
                }
                return FilterResult.CONTINUE;
            }
        });
        if (cuts.isEmpty()) {
            return text;
        }
        cuts.sort(Comparator.comparingInt(c -> c[0]));
        StringBuilder out = new StringBuilder(text.length());
        int kept = 0;
        for (int[] cut : cuts) {
            if (cut[0] > kept) {
                out.append(text, kept, cut[0]);
            }
            kept = Math.max(kept, cut[1]);
        }
        out.append(text, Math.min(kept, text.length()), text.length());
        return out.toString();
    }

    private static NodeFilter.FilterResult cutTags(Element element, int textLength, List<int[]> cuts) {
        Range start = element.sourceRange();
        if (!start.isTracked() || start.isImplicit()) {
            return NodeFilter.FilterResult.CONTINUE; // html, head, body the parser added: no text of the source
        }
        Range end = element.endSourceRange();
        boolean closed = end.isTracked() && !end.isImplicit();
        String name = element.normalName().toLowerCase(Locale.ROOT);
        if (DROPPED_WITH_CONTENT.contains(name)) {
            // an unclosed <script> runs to the end of the text in a browser too
            cuts.add(new int[] {start.startPos(), closed ? end.endPos() : textLength});
            return NodeFilter.FilterResult.SKIP_ENTIRELY;
        }
        if (Tag.isKnownTag(name) || hasEventHandler(element)) {
            cut(start, cuts);
            if (closed) {
                cut(end, cuts);
            }
        }
        return NodeFilter.FilterResult.CONTINUE;
    }

    private static boolean hasEventHandler(Element element) {
        for (Attribute attribute : element.attributes()) {
            if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                return true;
            }
        }
        return false;
    }

    private static void cut(Range range, List<int[]> cuts) {
        if (range.isTracked() && !range.isImplicit() && range.endPos() > range.startPos()) {
            cuts.add(new int[] {range.startPos(), range.endPos()});
        }
    }
}
