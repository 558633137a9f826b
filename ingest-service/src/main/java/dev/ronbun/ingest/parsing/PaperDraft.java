package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A paper while a parser is still reading it; {@link #toPaper} turns it into the immutable value. */
final class PaperDraft {

    private static final int MAX_TITLE_LENGTH = 300;
    /**
     * A summary is short; a summary section or first paragraph that is one long line (a megabyte without a line
     * break) is cut here, so that an event does not carry the same text a third time.
     */
    static final int MAX_SUMMARY_LENGTH = 2000;

    String title;
    String titleJa;
    String arxivId;
    final LinkedHashSet<String> urls = new LinkedHashSet<>();
    final List<String> authors = new ArrayList<>();
    String presenter;
    String kind;
    LocalDate sourceDate;
    String summary;
    final List<Section> sections = new ArrayList<>();
    String body;
    final List<String> tags = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    String venue;
    Integer year;

    /**
     * Sets the title as written, and the Japanese title too when it is written in Japanese and no other Japanese
     * title is known.
     */
    void titleAsWritten(String written) {
        String t = LineShapes.asTitle(written, MAX_TITLE_LENGTH);
        title = t.isEmpty() ? null : t;
        if (title != null && titleJa == null && LineShapes.hasJapanese(title)) {
            titleJa = title;
        }
    }

    boolean hasTitle() {
        return (title != null && !title.isBlank()) || (titleJa != null && !titleJa.isBlank());
    }

    ParsedPaper toPaper(DocumentFormat format) {
        return new ParsedPaper(blankToNull(title), blankToNull(titleJa), blankToNull(arxivId), List.copyOf(urls),
                authors, blankToNull(presenter), kind, sourceDate, format, blankToNull(shortened(summary)),
                sections.stream().filter(s -> !s.heading().isBlank() && !s.text().isBlank()).toList(),
                body == null ? "" : body.strip(), tags, references, blankToNull(venue), year);
    }

    private static String shortened(String text) {
        if (text == null || text.length() <= MAX_SUMMARY_LENGTH) {
            return text;
        }
        int end = MAX_SUMMARY_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return text.substring(0, end) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
