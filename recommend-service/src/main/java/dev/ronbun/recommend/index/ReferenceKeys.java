package dev.ronbun.recommend.index;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Tags;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a reference and a paper meet: a reference is known by its arXiv id (given, or in its link) and its normalised
 * title, a paper by its arXiv id and each normalised title it has; they match when they share a key. Matching at read
 * time, never storing the link, means a reference to a paper Ronbun gets later links up when that paper arrives.
 */
public final class ReferenceKeys {

    private ReferenceKeys() {
    }

    /** The keys of every reference, as indexed in {@link PaperDocuments#REFERENCE_KEY}. */
    public static Set<String> ofReferences(Collection<Reference> references) {
        Set<String> keys = new LinkedHashSet<>();
        references.forEach(reference -> keys.addAll(of(reference)));
        return keys;
    }

    /** The keys of one reference; empty when it has neither arXiv id nor title (a bare link to some page). */
    public static Set<String> of(Reference reference) {
        Set<String> keys = new LinkedHashSet<>();
        arxivId(reference).ifPresent(id -> keys.add("arxiv:" + id));
        String title = PaperIdentity.normaliseTitle(reference.title());
        if (!title.isEmpty()) {
            keys.add("title:" + title);
        }
        return keys;
    }

    /** The keys a reference to this paper would have. */
    public static Set<String> ofPaper(PaperEvent paper) {
        Set<String> keys = new LinkedHashSet<>();
        if (paper.arxivId() != null && !paper.arxivId().isBlank()) {
            keys.add("arxiv:" + paper.arxivId().strip());
        }
        PaperDocuments.workTitles(paper).forEach(title -> keys.add("title:" + title));
        return keys;
    }

    /** The reference's arXiv id, or the one its link names. */
    public static Optional<String> arxivId(Reference reference) {
        if (reference.arxivId() != null && !reference.arxivId().isBlank()) {
            return Optional.of(reference.arxivId().strip());
        }
        return PaperIdentity.arxivIdIn(reference.url());
    }

    /** A tag as indexed and filtered on: case does not tell tags apart. */
    public static String tag(String tag) {
        return Tags.fold(tag);
    }
}
