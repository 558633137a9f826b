package dev.ronbun.embed.storage;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Tags;
import dev.ronbun.contracts.events.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paper's tags and references are the union of its summaries': two posts on one paper tag it "LLM" and "llm", or
 * both name the same next paper, and the paper should carry each once.
 */
final class PaperLinks {

    private PaperLinks() {
    }

    /** Every tag once, compared case-insensitively; the first spelling and the order of first appearance kept. */
    static List<String> tags(Collection<List<String>> bySummary) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (List<String> summaryTags : bySummary) {
            for (String tag : summaryTags == null ? List.<String>of() : summaryTags) {
                if (tag != null && !tag.isBlank()) {
                    tags.putIfAbsent(Tags.fold(tag), tag.strip());
                }
            }
        }
        return List.copyOf(tags.values());
    }

    /**
     * Every referenced paper once: by arXiv id where the reference has one, else by normalised title, else by URL. A
     * later mention of a paper already listed fills in what the first lacked (its title, its link).
     */
    static List<Reference> references(Collection<List<Reference>> bySummary) {
        List<Reference> merged = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (List<Reference> summaryReferences : bySummary) {
            for (Reference reference : summaryReferences == null ? List.<Reference>of() : summaryReferences) {
                if (reference == null) {
                    continue;
                }
                List<String> keys = keys(reference);
                if (keys.isEmpty()) {
                    continue;
                }
                Optional<Integer> known = keys.stream().map(positions::get).filter(p -> p != null).findFirst();
                int position;
                if (known.isPresent()) {
                    position = known.get();
                    merged.set(position, fill(merged.get(position), reference));
                } else {
                    position = merged.size();
                    merged.add(reference);
                }
                for (String key : keys(merged.get(position))) {
                    positions.putIfAbsent(key, position);
                }
            }
        }
        return List.copyOf(merged);
    }

    /** The keys a reference is known by; the arXiv id alone where it has one, as two titles may name one paper. */
    private static List<String> keys(Reference reference) {
        if (reference.arxivId() != null && !reference.arxivId().isBlank()) {
            return List.of("arxiv:" + reference.arxivId().strip());
        }
        List<String> keys = new ArrayList<>();
        String title = PaperIdentity.normaliseTitle(reference.title());
        if (!title.isEmpty()) {
            keys.add("title:" + title);
        }
        if (reference.url() != null && !reference.url().isBlank()) {
            keys.add("url:" + reference.url().strip());
        }
        return keys;
    }

    private static Reference fill(Reference first, Reference later) {
        return new Reference(present(first.title()) ? first.title() : later.title(),
                present(first.arxivId()) ? first.arxivId() : later.arxivId(),
                present(first.url()) ? first.url() : later.url());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
