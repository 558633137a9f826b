package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which stored papers the labels mean. A labelled item matches a paper by arXiv id, else by normalised title (English
 * or Japanese, as {@link PaperIdentity} normalises it). Records of the same work (same arXiv id or title) count as one
 * work, named by its first record, so that a paper found under two ids is neither two answers nor a miss.
 */
public final class TopicAssignment {

    private final Map<String, String> workOf = new HashMap<>();
    private final Map<String, Set<String>> topicsOfWork = new HashMap<>();
    private final Map<String, Set<String>> worksOfTopic = new LinkedHashMap<>();
    private final List<String> unmatched = new ArrayList<>();

    public TopicAssignment(List<PaperEvent> papers, LabelledTopics labels) {
        Map<String, String> byArxiv = new HashMap<>();
        Map<String, String> byTitle = new HashMap<>();
        for (PaperEvent paper : papers) {
            String work = null;
            if (paper.arxivId() != null && byArxiv.containsKey(paper.arxivId())) {
                work = byArxiv.get(paper.arxivId());
            }
            for (String title : PaperDocuments.workTitles(paper)) {
                if (work == null && byTitle.containsKey(title)) {
                    work = byTitle.get(title);
                }
            }
            if (work == null) {
                work = paper.paperId();
            }
            workOf.put(paper.paperId(), work);
            if (paper.arxivId() != null) {
                byArxiv.putIfAbsent(paper.arxivId(), work);
            }
            for (String title : PaperDocuments.workTitles(paper)) {
                byTitle.putIfAbsent(title, work);
            }
        }
        for (LabelledTopics.Topic topic : labels.topics()) {
            Set<String> works = worksOfTopic.computeIfAbsent(topic.name(), name -> new LinkedHashSet<>());
            for (LabelledTopics.Item item : topic.items()) {
                Optional<String> work = Optional.ofNullable(item.arxivId()).map(byArxiv::get)
                        .or(() -> Optional.ofNullable(byTitle.get(PaperIdentity.normaliseTitle(item.title()))));
                if (work.isPresent()) {
                    works.add(work.get());
                    topicsOfWork.computeIfAbsent(work.get(), w -> new LinkedHashSet<>()).add(topic.name());
                } else {
                    unmatched.add(topic.name() + ": " + item.title());
                }
            }
        }
    }

    /** The work a stored paper belongs to (its own id when it is the work's first record). */
    public String workOf(String paperId) {
        return workOf.getOrDefault(paperId, paperId);
    }

    /** Topic name to the works labelled with it (matched ones only). */
    public Map<String, Set<String>> worksOfTopic() {
        return worksOfTopic;
    }

    /** Works related to the given one: every other work sharing a topic with it. */
    public Set<String> relatedWorks(String work) {
        Set<String> related = new LinkedHashSet<>();
        for (String topic : topicsOfWork.getOrDefault(work, Set.of())) {
            related.addAll(worksOfTopic.get(topic));
        }
        related.remove(work);
        return related;
    }

    public Set<String> labelledWorks() {
        return topicsOfWork.keySet();
    }

    /** Labelled items that match no stored paper. */
    public List<String> unmatched() {
        return unmatched;
    }
}
