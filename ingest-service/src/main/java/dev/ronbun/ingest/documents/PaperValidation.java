package dev.ronbun.ingest.documents;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.ingest.parsing.ParsedPaper;
import java.util.Optional;

/** Decides whether a parsed paper can travel downstream; a paper that cannot goes to the dead-letter topic. */
final class PaperValidation {

    static final int MAX_TITLE_LENGTH = 400;

    private PaperValidation() {
    }

    /** The reason this paper cannot be published, or empty when it can. */
    static Optional<String> problemWith(ParsedPaper paper) {
        if (isBlank(paper.title()) && isBlank(paper.titleJa()) && isBlank(paper.arxivId())) {
            return Optional.of("paper has neither a title nor an arXiv id");
        }
        if (isBlank(paper.title()) && isBlank(paper.titleJa())) {
            return Optional.of("paper " + paper.arxivId() + " has no title");
        }
        if (PaperIdentity.key(paper.arxivId(), paper.title(), paper.titleJa()).isEmpty()) {
            return Optional.of("title '" + firstNonBlank(paper.title(), paper.titleJa())
                    + "' has no letters or digits and there is no arXiv id, so the paper cannot be identified");
        }
        if (length(paper.title()) > MAX_TITLE_LENGTH || length(paper.titleJa()) > MAX_TITLE_LENGTH) {
            return Optional.of("title is longer than " + MAX_TITLE_LENGTH + " characters; it is probably a paragraph");
        }
        if (isBlank(paper.body()) && isBlank(paper.summary())) {
            return Optional.of("paper '" + firstNonBlank(paper.title(), paper.titleJa()) + "' has no text");
        }
        return Optional.empty();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return isBlank(a) ? b : a;
    }
}
