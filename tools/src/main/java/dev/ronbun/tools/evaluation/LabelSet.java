package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.ReferenceKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One set of relevance labels the evaluation reports on its own, and whether settings may be chosen by it.
 *
 * @param role TUNE: the one set a person may steer ranking by; REPORT: figures to report, never to choose settings by
 */
public record LabelSet(String name, Role role, LabelledTopics labels) {

    public enum Role { TUNE, REPORT }

    /**
     * The topic labels split by each topic's {@code split}: the tuning half and the report half (topics that name no
     * split are reported). Halves without topics are left out.
     */
    public static List<LabelSet> splitTopics(String name, LabelledTopics labels) {
        List<LabelledTopics.Topic> tune = new ArrayList<>();
        List<LabelledTopics.Topic> report = new ArrayList<>();
        for (LabelledTopics.Topic topic : labels.topics()) {
            ("tune".equals(topic.split()) ? tune : report).add(topic);
        }
        List<LabelSet> sets = new ArrayList<>();
        if (!tune.isEmpty()) {
            sets.add(new LabelSet(name + "/tune", Role.TUNE, new LabelledTopics(List.copyOf(tune))));
        }
        if (!report.isEmpty()) {
            sets.add(new LabelSet(tune.isEmpty() ? name : name + "/report", Role.REPORT,
                    new LabelledTopics(List.copyOf(report))));
        }
        return sets;
    }

    /**
     * The writers' own labels, read from the papers: papers that share an author tag (the front matter's {@code
     * tags}) are related, and so are a paper and a paper its summary names as next to read, when that one is among
     * the papers. Tags of one paper only are left out. Ronbun's index reads the same tags and links, so this set shows
     * whether they are used, not whether the text is understood.
     */
    public static LabelSet tagsAndLinks(List<PaperEvent> papers) {
        Map<String, List<LabelledTopics.Item>> byTag = new LinkedHashMap<>();
        Map<String, PaperEvent> byArxiv = new HashMap<>();
        Map<String, PaperEvent> byTitle = new HashMap<>();
        for (PaperEvent paper : papers) {
            Set<String> tags = new LinkedHashSet<>();
            paper.tags().forEach(tag -> tags.add(ReferenceKeys.tag(tag)));
            for (String tag : tags) {
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(item(paper));
            }
            if (paper.arxivId() != null) {
                byArxiv.putIfAbsent(paper.arxivId(), paper);
            }
            PaperDocuments.workTitles(paper).forEach(title -> byTitle.putIfAbsent(title, paper));
        }
        List<LabelledTopics.Topic> topics = new ArrayList<>();
        byTag.forEach((tag, items) -> {
            if (items.size() >= 2) {
                topics.add(new LabelledTopics.Topic("tag: " + tag, List.copyOf(items), "report"));
            }
        });
        for (PaperEvent paper : papers) {
            for (Reference reference : paper.references()) {
                PaperEvent target = reference.arxivId() != null ? byArxiv.get(reference.arxivId()) : null;
                if (target == null && reference.title() != null) {
                    target = byTitle.get(PaperIdentity.normaliseTitle(reference.title()));
                }
                if (target != null && !target.paperId().equals(paper.paperId())) {
                    topics.add(new LabelledTopics.Topic("next to read: " + paper.title() + " -> " + target.title(),
                            List.of(item(paper), item(target)), "report"));
                }
            }
        }
        return new LabelSet("tags+links", Role.REPORT, new LabelledTopics(List.copyOf(topics)));
    }

    private static LabelledTopics.Item item(PaperEvent paper) {
        String title = paper.title() != null && !paper.title().isBlank() ? paper.title() : paper.titleJa();
        return new LabelledTopics.Item(title, paper.arxivId());
    }
}
