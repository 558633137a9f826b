package dev.ronbun.ingest.parsing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces an HTML page to the plain text the parsers read, keeping its structure as lines: headings as Markdown
 * {@code #} lines, paragraphs separated by blank lines, list items as indented {@code •} or numbered lines, table rows
 * as tab-separated lines, {@code <hr>} as {@code ---}, {@code <pre>} as fenced code, and links as
 * {@code [text](href)}. Scripts, styles and other non-text elements are dropped with their content.
 */
public final class HtmlDocumentText {

    private static final Pattern HTML_START = Pattern.compile(
            "(?i)^\\s*<(?:!doctype\\s+html|html|head|body|meta|title|p|div|h[1-6]|article|section|main|ul|ol|table)\\b");
    private static final String DROPPED = "script, style, noscript, template, svg, iframe, object, embed, canvas, head,"
            + " button, select, input, textarea";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "nav", "aside", "blockquote", "figure", "figcaption", "dl", "dt", "dd", "address", "details", "summary",
            "form", "fieldset", "table", "caption", "center", "ul", "ol", "body");
    private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    /**
     * Deeper lists are indented no further: a page of thousands of nested {@code <ul>} would otherwise turn each
     * four-byte {@code <li>} into thousands of spaces.
     */
    private static final int MAX_LIST_INDENT = 8;
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "table", "figure", "section", "article");

    private HtmlDocumentText() {
    }

    /** Whether the text is an HTML page rather than plain text or Markdown that happens to contain a tag. */
    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
            head = head.substring(1);
        }
        return HTML_START.matcher(head).find();
    }

    /** The text of an HTML page, one line per heading, paragraph line, list item or table row. */
    public static String toText(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.select(DROPPED).remove();
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, document.body());
        return renderer.result();
    }

    private static final class Renderer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private final Deque<int[]> lists = new ArrayDeque<>();
        private final Deque<Integer> linkStarts = new ArrayDeque<>();
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text);
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    blankLine();
                    out.append("#".repeat(tag.charAt(1) - '0')).append(' ');
                }
                case "br" -> out.append('\n');
                case "hr" -> {
                    blankLine();
                    out.append("---");
                    blankLine();
                }
                case "pre" -> {
                    blankLine();
                    out.append("```\n");
                    preDepth++;
                }
                case "ul", "ol" -> {
                    if (lists.isEmpty()) {
                        blankLine();
                    } else {
                        endLine();
                    }
                    lists.push(new int[] {tag.equals("ol") ? 1 : 0, 0});
                }
                case "li" -> {
                    endLine();
                    int[] list = lists.isEmpty() ? new int[] {0, 0} : lists.peek();
                    list[1]++;
                    out.append("  ".repeat(Math.clamp(lists.size() - 1, 0, MAX_LIST_INDENT)));
                    out.append(list[0] == 1 ? list[1] + ". " : "• ");
                }
                case "tr" -> endLine();
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        out.append('\t');
                    }
                }
                case "a" -> linkStarts.push(out.length());
                default -> {
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine();
                    } else if (BLOCKS.contains(tag)) {
                        endLine();
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> blankLine();
                case "pre" -> {
                    endLine();
                    out.append("```");
                    blankLine();
                    preDepth--;
                }
                case "ul", "ol" -> {
                    lists.poll();
                    if (lists.isEmpty()) {
                        blankLine();
                    } else {
                        endLine();
                    }
                }
                case "li", "tr" -> endLine();
                case "a" -> closeLink(element);
                default -> {
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine();
                    } else if (BLOCKS.contains(tag)) {
                        endLine();
                    }
                }
            }
        }

        private void appendText(TextNode text) {
            if (preDepth > 0) {
                out.append(text.getWholeText());
                return;
            }
            String collapsed = WHITE_SPACE.matcher(text.getWholeText()).replaceAll(" ");
            if (collapsed.startsWith(" ") && (out.isEmpty() || atLineStart() || out.charAt(out.length() - 1) == ' ')) {
                collapsed = collapsed.substring(1);
            }
            out.append(collapsed);
        }

        private void closeLink(Element link) {
            if (linkStarts.isEmpty()) {
                return;
            }
            int start = linkStarts.pop();
            String href = link.absUrl("href");
            if (href.isEmpty()) {
                href = link.attr("href").strip();
            }
            String lower = href.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://")) || start > out.length()) {
                return;
            }
            href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
            String label = out.substring(start).strip();
            if (label.contains("\n") || label.contains("[") || label.contains("]")) {
                out.append(' ').append(href);
                return;
            }
            out.setLength(start);
            if (label.isEmpty() || label.equals(href)) {
                out.append(href);
            } else {
                out.append('[').append(label).append("](").append(href).append(')');
            }
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        private void endLine() {
            trimTrailingSpaces();
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private void blankLine() {
            endLine();
            if (out.length() >= 1 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String result() {
            return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
