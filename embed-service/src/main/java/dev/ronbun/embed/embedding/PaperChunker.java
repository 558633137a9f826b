package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a paper into passages that fit the model: the title, the summary, and the body packed section by section,
 * without the title and summary where the body repeats them (they have passages of their own). Consecutive sections
 * share a passage while they fit; a section that does not fit in what is left fills the passage up to a sentence end
 * (。！？!?, ". " and line breaks) close to the limit and goes on in the next, and a sentence too long on its own is
 * halved until it fits.
 */
final class PaperChunker {

    /** Headroom for tokenizers (SentencePiece) whose token counts are not quite additive over concatenation. */
    private static final int SAFETY_TOKENS = 4;
    private static final int REPEAT_PROBE_CHARS = 40;
    /** Shorter titles are left in the body: a word or two repeated costs nothing and may be a heading's own text. */
    private static final int MIN_REPEAT_CHARS = 8;

    private final ToIntFunction<String> tokenCount;
    private final int maxTokens;
    private final int overhead;
    private final int budget;

    /**
     * @param tokenCount tokens the model sees for a passage, special tokens and prefix included
     * @param maxTokens  the model's limit on that count
     */
    PaperChunker(ToIntFunction<String> tokenCount, int maxTokens) {
        this.tokenCount = tokenCount;
        this.maxTokens = maxTokens;
        this.overhead = tokenCount.applyAsInt("");
        this.budget = maxTokens - overhead - SAFETY_TOKENS;
        if (budget < 8) {
            throw new IllegalArgumentException("the prefix and special tokens leave no room in " + maxTokens + " tokens");
        }
    }

    List<PaperChunk> chunk(PaperText paper) {
        List<PaperChunk> chunks = new ArrayList<>();
        add(chunks, PaperChunk.Part.TITLE, List.of(titleOf(paper)));
        add(chunks, PaperChunk.Part.SUMMARY, List.of(paper.summary()));
        add(chunks, PaperChunk.Part.BODY, bodyUnits(paper));
        return chunks;
    }

    private void add(List<PaperChunk> chunks, PaperChunk.Part part, List<String> units) {
        for (String text : pack(units, "\n\n")) {
            chunks.add(new PaperChunk(part, text, Math.min(maxTokens, tokenCount.applyAsInt(text))));
        }
    }

    private static String titleOf(PaperText paper) {
        String ja = paper.titleJa().strip();
        String en = paper.title().strip();
        return ja.isEmpty() || ja.equals(en) ? en : en.isEmpty() ? ja : ja + "\n" + en;
    }

    /**
     * Sections with their headings; the body too unless it merely repeats the sections (ingest puts the whole
     * paper text in the body, sections included), and the body alone, paragraph by paragraph, when there are none.
     */
    private static List<String> bodyUnits(PaperText paper) {
        List<String> units = new ArrayList<>();
        for (Section section : paper.sections()) {
            String heading = section.heading() == null ? "" : section.heading().strip();
            String text = section.text() == null ? "" : section.text().strip();
            units.add(heading.isEmpty() ? text : text.isEmpty() ? heading : heading + "\n" + text);
        }
        if (units.isEmpty() || !repeatsSections(paper.body(), paper.sections())) {
            units.addAll(List.of(paper.body().split("\\n\\s*\\n")));
        }
        // The summary and the titles have passages of their own: where the body repeats them, once is enough.
        for (String repeated : List.of(paper.summary().strip(), paper.titleJa().strip(), paper.title().strip())) {
            if (repeated.length() >= MIN_REPEAT_CHARS) {
                removeFirst(units, repeated);
            }
        }
        return units;
    }

    private static void removeFirst(List<String> units, String repeated) {
        for (int i = 0; i < units.size(); i++) {
            int at = units.get(i).indexOf(repeated);
            if (at >= 0) {
                String unit = units.get(i);
                units.set(i, unit.substring(0, at) + unit.substring(at + repeated.length()));
                return;
            }
        }
    }

    private static boolean repeatsSections(String body, List<Section> sections) {
        String flatBody = collapseWhitespace(body);
        for (Section section : sections) {
            String text = section.text() == null ? "" : collapseWhitespace(section.text());
            String probe = text.substring(0, Math.min(REPEAT_PROBE_CHARS, text.length()));
            if (!probe.isEmpty() && !flatBody.contains(probe)) {
                return false;
            }
        }
        return true;
    }

    private static String collapseWhitespace(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Joins pieces with the separator while they fit. A piece that does not fit in what is left of the passage fills
     * it up sentence by sentence and goes on in the next one, so passages end at a sentence close to the model's
     * limit (fewer passes, less padding); a single sentence longer than the limit is halved until it fits.
     */
    private List<String> pack(List<String> pieces, String separator) {
        Passages passages = new Passages();
        for (String piece : pieces) {
            if (!piece.isBlank()) {
                feed(passages, piece, separator);
            }
        }
        passages.flush();
        return passages.done;
    }

    private void feed(Passages passages, String piece, String separator) {
        int tokens = tokenCount.applyAsInt(piece) - overhead;
        if (passages.tokens + tokens <= budget || piece.length() <= 1) {
            passages.add(piece, tokens, separator);
            return;
        }
        List<String> sentences = sentences(piece);
        if (sentences.size() > 1) {
            for (int i = 0; i < sentences.size(); i++) {
                feed(passages, sentences.get(i), i == 0 ? separator : "");
            }
        } else if (tokens <= budget) {
            passages.flush(); // one sentence: it starts the next passage rather than being cut
            passages.add(piece, tokens, separator);
        } else {
            List<String> halves = smallerPieces(piece);
            feed(passages, halves.get(0), separator);
            feed(passages, halves.get(1), "");
        }
    }

    /** Passages being filled: the one under way and those done. */
    private static final class Passages {
        final List<String> done = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        int tokens;

        void add(String piece, int pieceTokens, String separator) {
            if (!current.isEmpty()) {
                current.append(separator);
            }
            current.append(piece);
            tokens += pieceTokens;
        }

        void flush() {
            String passage = current.toString().strip();
            if (!passage.isEmpty()) {
                done.add(passage);
            }
            current.setLength(0);
            tokens = 0;
        }
    }

    /** Sentences with their end marks, or two halves when the text is a single sentence. */
    private static List<String> smallerPieces(String text) {
        List<String> sentences = sentences(text);
        if (sentences.size() > 1) {
            return sentences;
        }
        int middle = text.length() / 2;
        if (Character.isLowSurrogate(text.charAt(middle))) {
            middle++;
        }
        return List.of(text.substring(0, middle), text.substring(middle));
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n'
                    || (c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)));
            if (end) {
                sentences.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        return sentences;
    }
}
