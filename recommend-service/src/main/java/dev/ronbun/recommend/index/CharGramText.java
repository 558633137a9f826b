package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the character n-gram signal reads of a paper: its titles and its summaries, folded (NFKC) and lower-cased so
 * that the glossary and the grams see one spelling of each letter. Measured on the tuning labels (docs/benchmarks.md):
 * the bodies add nothing, and titles counted twice lose precision.
 */
public final class CharGramText {

    private CharGramText() {
    }

    public static String of(PaperEvent paper) {
        String titles = Stream.of(paper.title(), paper.titleJa())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        String summaries = paper.summaries().stream().map(PaperSummary::summary)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        return prepare(titles + "\n" + summaries);
    }

    static String prepare(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
