package dev.ronbun.contracts;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a paper is recognised across documents: its key is the arXiv id when known, else its normalised
 * English title, else its normalised Japanese title; its id is a stable UUID derived from that key.
 */
public final class PaperIdentity {

    private static final Pattern ARXIV_ID = Pattern.compile(
            "(?<![\\d.])(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?![\\d])");
    private static final Pattern ARXIV_URL = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf|html)/(\\d{4}\\.\\d{4,5})(?:v\\d+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * How long a normalised title must be before equal titles are taken for one work: "Mamba" or "知識蒸留" may name
     * a paper, a blog post and a library alike, "QLoRA: Efficient Finetuning of Quantized LLMs" names one paper.
     * Measured in {@link #titleWeight} units: a letter or digit counts 1, a kanji or kana 2, spaces nothing.
     */
    public static final int MIN_WORK_TITLE_WEIGHT = 16;

    private PaperIdentity() {
    }

    /** The paper key, or empty when the paper has neither arXiv id nor any title. */
    public static Optional<String> key(String arxivId, String title, String titleJa) {
        if (arxivId != null && !arxivId.isBlank()) {
            return Optional.of("arxiv:" + arxivId.strip());
        }
        String en = normaliseTitle(title);
        if (!en.isEmpty()) {
            return Optional.of("title:" + en);
        }
        String ja = normaliseTitle(titleJa);
        if (!ja.isEmpty()) {
            return Optional.of("title-ja:" + ja);
        }
        return Optional.empty();
    }

    /** The paper id for a key: a name-based UUID, so every service derives the same id on its own. */
    public static String paperId(String paperKey) {
        return UUID.nameUUIDFromBytes(paperKey.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** NFKC, lower case, every run of punctuation and space folded to one space. */
    public static String normaliseTitle(String title) {
        if (title == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(nfkc).replaceAll(" ").strip();
    }

    /**
     * The keys under which records of one kind are the same work by title: each of its titles, English or Japanese,
     * normalised ({@link #normaliseTitle}), in one name space (an English title may equal another record's Japanese
     * one), prefixed with the kind (a blog post is never merged into the paper it shares a title with). Only whole
     * normalised titles are compared, never a part before a colon, and only titles of at least
     * {@link #MIN_WORK_TITLE_WEIGHT}: two papers with short generic titles stay apart.
     */
    public static Set<String> workTitleKeys(String kind, String title, String titleJa) {
        String prefix = "work:" + (kind == null || kind.isBlank() ? "paper" : kind.strip()) + ":";
        Set<String> keys = new LinkedHashSet<>();
        for (String candidate : new String[] {title, titleJa}) {
            String normalised = normaliseTitle(candidate);
            if (titleWeight(normalised) >= MIN_WORK_TITLE_WEIGHT) {
                keys.add(prefix + normalised);
            }
        }
        return keys;
    }

    /** A title's length for {@link #MIN_WORK_TITLE_WEIGHT}: a kanji or kana says about as much as two letters. */
    static int titleWeight(String normalised) {
        int weight = 0;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                boolean japanese = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA;
                weight += japanese ? 2 : 1;
            }
        }
        return weight;
    }

    /** The arXiv id (version suffix dropped) in an arXiv URL, or in text that is just an id. */
    public static Optional<String> arxivIdIn(String urlOrId) {
        if (urlOrId == null) {
            return Optional.empty();
        }
        Matcher url = ARXIV_URL.matcher(urlOrId);
        if (url.find()) {
            return Optional.of(url.group(1));
        }
        Matcher bare = ARXIV_ID.matcher(urlOrId.strip());
        return bare.matches() ? Optional.of(bare.group(1)) : Optional.empty();
    }
}
