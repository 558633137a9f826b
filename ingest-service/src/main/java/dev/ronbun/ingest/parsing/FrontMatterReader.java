package dev.ronbun.ingest.parsing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ronbun.contracts.PaperIdentity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts the front matter off the top of a Markdown post and reads it with Jackson's YAML ({@code ---}) or TOML
 * ({@code +++}) mapper. Front matter that does not parse is still cut off, with a warning, so the post is read from
 * its body rather than refused.
 */
public final class FrontMatterReader {

    /** How far down the text the opening fence may sit: blank lines, a BOM and stray spaces only. */
    private static final int MAX_LEADING_BLANK_LINES = 5;
    /** Front matter longer than this is no front matter: a post's metadata is a few dozen lines. */
    private static final int MAX_LINES = 200;
    /**
     * Front matter of more characters than this (a few long lines) is not read: a YAML scanner takes seconds over a
     * scalar of megabytes, ten times what splitting a whole document of that size costs, so a hostile post could
     * spend the service's CPU on its metadata.
     */
    private static final int MAX_CHARACTERS = 64 * 1024;
    /** Tags are labels: longer strings or more of them than this are prose or noise, not tags. */
    private static final int MAX_TAG_LENGTH = 60;
    private static final int MAX_TAGS = 30;
    private static final Pattern KEY_LINE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*\\s*[:=]");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper TOML = new TomlMapper();

    private static final List<String> TITLE_KEYS = List.of("title", "name");
    private static final List<String> DATE_KEYS = List.of("date", "published_at", "publishedAt", "pubDate", "published",
            "created_at", "created", "updated_at", "lastmod");
    private static final List<String> TAG_KEYS = List.of("tags", "categories", "category", "topics", "keywords");
    private static final List<String> DESCRIPTION_KEYS = List.of("description", "summary", "abstract", "excerpt");
    private static final List<String> LINK_KEYS = List.of("arxiv", "arxiv_id", "arxivId", "arxiv_url", "paper",
            "paper_url", "url", "link", "pdf", "doi", "source", "canonical_url", "original");

    private FrontMatterReader() {
    }

    /**
     * A post split into its front matter and its body.
     *
     * @param matter  what the front matter says; {@link FrontMatter#NONE} when there is none or it does not parse
     * @param body    the text below the front matter (the whole text when there is none)
     * @param present whether the text opened with front matter, readable or not
     * @param warning why the front matter was not read, when it was present but broken
     */
    public record Split(FrontMatter matter, String body, boolean present, Optional<String> warning) {
    }

    /** Splits the text; never throws. */
    public static Split split(String text) {
        if (text == null || text.isEmpty()) {
            return new Split(FrontMatter.NONE, text == null ? "" : text, false, Optional.empty());
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int open = 0;
        while (open < lines.length && open <= MAX_LEADING_BLANK_LINES && clean(lines[open]).isEmpty()) {
            open++;
        }
        if (open >= lines.length) {
            return new Split(FrontMatter.NONE, text, false, Optional.empty());
        }
        String fence = clean(lines[open]);
        if (!fence.equals("---") && !fence.equals("+++")) {
            return new Split(FrontMatter.NONE, text, false, Optional.empty());
        }
        int close = -1;
        for (int i = open + 1; i < lines.length && i <= open + MAX_LINES; i++) {
            if (clean(lines[i]).equals(fence)) {
                close = i;
                break;
            }
        }
        // A leading "---" followed by prose is a thematic break, not front matter: front matter starts with a key.
        int firstContent = open + 1;
        while (firstContent < lines.length && lines[firstContent].isBlank()) {
            firstContent++;
        }
        if (close < 0 || firstContent >= close || !KEY_LINE.matcher(clean(lines[firstContent])).lookingAt()) {
            return new Split(FrontMatter.NONE, text, false, Optional.empty());
        }
        String source = String.join("\n", Arrays.copyOfRange(lines, open + 1, close));
        String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
        boolean toml = fence.equals("+++");
        if (source.length() > MAX_CHARACTERS) {
            return new Split(FrontMatter.NONE, body, true, Optional.of("the front matter has " + source.length()
                    + " characters, more than the " + MAX_CHARACTERS + " read, so it was ignored and the document was"
                    + " read from its body"));
        }
        try {
            JsonNode node = (toml ? TOML : YAML).readTree(source);
            if (node == null || !node.isObject()) {
                return new Split(FrontMatter.NONE, body, true, Optional.of("the front matter is not a set of fields,"
                        + " so it was ignored and the document was read from its body"));
            }
            return new Split(read(node), body, true, Optional.empty());
        } catch (JacksonException | RuntimeException e) {
            String reason = e instanceof JacksonException je ? je.getOriginalMessage() : e.toString();
            return new Split(FrontMatter.NONE, body, true, Optional.of("the " + (toml ? "TOML" : "YAML")
                    + " front matter could not be read (" + firstLine(reason)
                    + "), so it was ignored and the document was read from its body"));
        }
    }

    private static FrontMatter read(JsonNode node) {
        Set<String> urls = new LinkedHashSet<>();
        String arxivId = null;
        for (String key : LINK_KEYS) {
            for (String value : strings(field(node, key))) {
                if (arxivId == null && (key.toLowerCase(Locale.ROOT).startsWith("arxiv") || value.contains("arxiv.org"))) {
                    arxivId = PaperIdentity.arxivIdIn(value).orElse(null);
                }
                if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
                    urls.add(value);
                } else if (key.equals("doi") && value.startsWith("10.")) {
                    urls.add("https://doi.org/" + value);
                }
            }
        }
        List<String> tags = new ArrayList<>();
        for (String key : TAG_KEYS) {
            for (String tag : tagList(field(node, key))) {
                if (!tags.contains(tag) && tags.size() < MAX_TAGS) {
                    tags.add(tag);
                }
            }
        }
        return new FrontMatter(
                titleText(first(node, TITLE_KEYS)),
                strings(field(node, "aliases")).stream().map(FrontMatterReader::titleText).filter(a -> a != null).toList(),
                date(node),
                tags,
                String.join(", ", strings(field(node, "author"))),
                strings(field(node, "authors")),
                first(node, DESCRIPTION_KEYS),
                arxivId,
                new ArrayList<>(urls));
    }

    /** The field, its key matched case-insensitively. */
    private static JsonNode field(JsonNode node, String key) {
        JsonNode exact = node.get(key);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String first(JsonNode node, List<String> keys) {
        for (String key : keys) {
            List<String> values = strings(field(node, key));
            if (!values.isEmpty()) {
                return values.getFirst();
            }
        }
        return null;
    }

    /** A scalar, or the scalars of a list, as non-blank strings; {@code name} of objects such as Qiita's tags. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(item -> out.addAll(strings(item)));
        } else if (node.isObject()) {
            out.addAll(strings(node.get("name")));
        } else {
            String text = node.asText().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** Tags as a list, or as one string separated by commas, or by spaces when it has no commas. */
    private static List<String> tagList(JsonNode node) {
        List<String> tags = new ArrayList<>();
        boolean single = node != null && node.isValueNode();
        for (String value : strings(node)) {
            String[] parts = single ? value.split(value.contains(",") || value.contains("、") ? "[,、]" : "\\s+")
                    : new String[] {value};
            for (String part : parts) {
                String tag = part.strip().replaceFirst("^#", "");
                if (!tag.isEmpty() && LineShapes.length(tag) <= MAX_TAG_LENGTH && !tags.contains(tag)
                        && tags.size() < MAX_TAGS) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    private static LocalDate date(JsonNode node) {
        for (String key : DATE_KEYS) {
            for (String value : strings(field(node, key))) {
                Optional<LocalDate> date = ParsableText.dateIn(value);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return null;
    }

    /** A title without the stray quote a hand-written front matter sometimes leaves on one end. */
    private static String titleText(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        boolean opens = t.startsWith("\"") || t.startsWith("'");
        boolean closes = t.endsWith("\"") || t.endsWith("'");
        if (opens != closes || (opens && t.length() >= 2 && t.charAt(0) == t.charAt(t.length() - 1))) {
            t = t.substring(opens ? 1 : 0, closes ? t.length() - 1 : t.length()).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private static String clean(String line) {
        return line.replace("\uFEFF", "").strip();
    }

    private static String firstLine(String message) {
        String m = message == null ? "unknown error" : message.strip();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
