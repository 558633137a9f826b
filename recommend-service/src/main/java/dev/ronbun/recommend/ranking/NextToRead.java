package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.recommend.index.PaperCandidates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The papers a paper names as next to read and the papers that name it, matched through the index each time they are
 * read (see {@link dev.ronbun.recommend.index.ReferenceKeys}): nothing is stored that could go stale, so a reference
 * to a paper that arrives later links up as soon as it is indexed.
 */
@ApplicationScoped
public class NextToRead {

    /** More papers naming one paper than this are not shown as such; the rest still rank by content. */
    static final int MOST_NAMING = 20;

    private final PaperCandidates candidates;

    public NextToRead(PaperCandidates candidates) {
        this.candidates = candidates;
    }

    /** The paper's references, each with the id of the paper Ronbun has for it, if any (never the paper itself). */
    public List<LinkedReference> linked(PaperEvent paper) {
        Set<String> itself = sameWork(paper);
        List<LinkedReference> linked = new ArrayList<>();
        for (Reference reference : paper.references()) {
            String paperId = resolve(reference, itself).orElse(null);
            linked.add(new LinkedReference(reference.title(), reference.arxivId(), reference.url(), paperId));
        }
        return linked;
    }

    /**
     * The papers it names that Ronbun has, in the order it names them, then the papers that name it; other records of
     * itself left out.
     */
    public Links links(PaperEvent paper) {
        Set<String> itself = sameWork(paper);
        Set<String> named = new LinkedHashSet<>();
        for (Reference reference : paper.references()) {
            resolve(reference, itself).ifPresent(named::add);
        }
        List<String> naming = candidates.naming(paper, MOST_NAMING + itself.size()).stream()
                .filter(id -> !itself.contains(id)).limit(MOST_NAMING).toList();
        return new Links(List.copyOf(named), naming);
    }

    /**
     * @param named  ids of the papers a paper names as next to read
     * @param naming ids of the papers that name it
     */
    public record Links(List<String> named, List<String> naming) {
    }

    private Optional<String> resolve(Reference reference, Set<String> itself) {
        return candidates.namedBy(reference, itself.size() + 1).stream()
                .filter(id -> !itself.contains(id)).findFirst();
    }

    private Set<String> sameWork(PaperEvent paper) {
        return candidates.sameWork(paper);
    }
}
