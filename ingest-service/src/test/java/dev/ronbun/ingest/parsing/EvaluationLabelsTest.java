package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's label files ({@code infra/eval/labels}) against what the parser finds in the documents they label:
 * every labelled title is a paper the parser extracts, every paper of {@code samples/} and of the shared corpus is
 * labelled, and every topic is large enough to measure precision@5 by.
 */
class EvaluationLabelsTest {

    private static final Path ROOT = repositoryRoot();

    @Test
    void topicLabelsCoverEveryPaperOfTheSamplesAndTheSharedCorpusInTopicsOfAtLeastFour() throws Exception {
        Set<String> parsed = titlesParsedFrom(List.of(ROOT.resolve("samples"), TestDocuments.corpusDirectory()));
        JsonNode labels = EventJson.mapper().readTree(Files.readString(ROOT.resolve("infra/eval/labels/topics.json")));

        Set<String> labelled = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode topic : labels.path("topics")) {
            Set<String> works = new LinkedHashSet<>();
            for (JsonNode paper : topic.path("papers")) {
                String title = PaperIdentity.normaliseTitle(paper.path("title").asText());
                works.add(title);
                if (!parsed.contains(title)) {
                    unknown.add(paper.path("title").asText());
                }
                assertThat(labelled.add(title)).as("%s is labelled once", paper.path("title").asText()).isTrue();
            }
            assertThat(works).as(topic.path("topic").asText()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(topic.path("split").asText()).as(topic.path("topic").asText()).isIn("tune", "report");
        }
        assertThat(unknown).as("labelled titles the parser does not find").isEmpty();
        assertThat(parsed).as("parsed papers without a label").isSubsetOf(labelled);
        assertThat(labels.path("description").asText()).contains("by hand", "tune", "report");
    }

    @Test
    void eachNearTwinFamilyIsAtLeastSixDifferentlyTitledPapersOfTheTwinDocuments() throws Exception {
        Set<String> parsed = titlesParsedFrom(List.of(ROOT.resolve("infra/eval/twins")));
        JsonNode twins = EventJson.mapper().readTree(Files.readString(ROOT.resolve("infra/eval/labels/twins.json")));

        assertThat(twins.path("topics")).hasSizeGreaterThanOrEqualTo(5);
        Set<String> labelled = new HashSet<>();
        for (JsonNode topic : twins.path("topics")) {
            List<String> titles = new ArrayList<>();
            topic.path("papers").forEach(paper -> titles.add(PaperIdentity.normaliseTitle(paper.path("title").asText())));
            // six records of one paper: each has five relevant others, so precision@5 can reach 1
            assertThat(titles).as(topic.path("topic").asText()).hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates();
            assertThat(parsed).containsAll(titles);
            labelled.addAll(titles);
        }
        assertThat(labelled).containsExactlyInAnyOrderElementsOf(parsed);
    }

    @Test
    void onlyTheStudyGroupNoteOfTheTenthOfMarchGivesTheTwinsAnArxivId() throws Exception {
        List<String> identified = new ArrayList<>();
        for (Path file : documentsIn(ROOT.resolve("infra/eval/twins"))) {
            for (ParsedPaper paper : parse(file).papers()) {
                if (paper.arxivId() != null) {
                    identified.add(file.getFileName() + ": " + paper.arxivId());
                }
            }
        }
        assertThat(identified).as("twin records with an arXiv id").isNotEmpty()
                .allSatisfy(record -> assertThat(record).startsWith("study-group-notes-2026-03-10.txt: "));
    }

    @Test
    void theTaggedPostsFormAtLeastFourTagGroupsOfSixLinkedOnlyWithinTheirGroupAndOtherTagsUnique() throws Exception {
        List<ParsedPaper> papers = new ArrayList<>();
        for (Path file : documentsIn(ROOT.resolve("infra/eval/tagged"))) {
            List<ParsedPaper> found = parse(file).papers();
            assertThat(found).as("papers of %s", file.getFileName()).hasSize(1);
            assertThat(found.getFirst().arxivId()).as("arXiv id of %s", file.getFileName()).isNull();
            papers.add(found.getFirst());
        }
        Map<String, Set<String>> titlesByTag = new TreeMap<>();
        Map<String, ParsedPaper> byTitle = new HashMap<>();
        for (ParsedPaper paper : papers) {
            String title = PaperIdentity.normaliseTitle(paper.title() != null ? paper.title() : paper.titleJa());
            assertThat(byTitle.put(title, paper)).as("%s is one post", title).isNull();
            for (String tag : paper.tags()) {
                titlesByTag.computeIfAbsent(Tags.fold(tag), t -> new LinkedHashSet<>()).add(title);
            }
        }
        Set<String> groupTags = new LinkedHashSet<>();
        titlesByTag.forEach((tag, titles) -> {
            if (titles.size() >= 6) {
                groupTags.add(tag);
            }
        });
        assertThat(groupTags).as("tags shared by at least six tagged posts").hasSizeGreaterThanOrEqualTo(4);

        int links = 0;
        for (ParsedPaper paper : papers) {
            String title = paper.title() != null ? paper.title() : paper.titleJa();
            Set<String> groups = new HashSet<>(groupTags);
            groups.retainAll(paper.tags().stream().map(Tags::fold).toList());
            assertThat(groups).as("group tag of %s", title).hasSize(1);
            for (var reference : paper.references()) {
                assertThat(reference.title()).as("next to read of %s", title).isNotNull();
                ParsedPaper target = byTitle.get(PaperIdentity.normaliseTitle(reference.title()));
                assertThat(target).as("%s names a tagged post: %s", title, reference.title()).isNotNull().isNotSameAs(paper);
                assertThat(target.tags().stream().map(Tags::fold).toList())
                        .as("%s links within its group", title).containsAll(groups);
                links++;
            }
        }
        assertThat(links).as("next-to-read links among the tagged posts").isGreaterThanOrEqualTo(8);

        Set<String> elsewhere = new HashSet<>();
        for (Path folder : List.of(ROOT.resolve("samples"), TestDocuments.corpusDirectory(), ROOT.resolve("infra/eval/twins"))) {
            for (Path file : documentsIn(folder)) {
                for (ParsedPaper paper : parse(file).papers()) {
                    paper.tags().forEach(tag -> elsewhere.add(Tags.fold(tag)));
                }
            }
        }
        Set<String> ownTags = new LinkedHashSet<>(titlesByTag.keySet());
        ownTags.removeAll(groupTags);
        titlesByTag.forEach((tag, titles) -> {
            if (!groupTags.contains(tag)) {
                assertThat(titles).as("posts tagged %s", tag).hasSize(1);
            }
        });
        assertThat(ownTags).as("tags of one tagged post found in samples, the corpus or the twins")
                .doesNotContainAnyElementsOf(elsewhere);
    }

    /** The normalised titles (English, and Japanese where there is one) of every paper the parser finds. */
    private static Set<String> titlesParsedFrom(List<Path> folders) throws IOException, DocumentParseException {
        Set<String> titles = new HashSet<>();
        for (Path folder : folders) {
            for (Path file : documentsIn(folder)) {
                for (ParsedPaper paper : parse(file).papers()) {
                    titles.add(PaperIdentity.normaliseTitle(paper.title() != null ? paper.title() : paper.titleJa()));
                }
            }
        }
        titles.remove("");
        return titles;
    }

    /** The Markdown and text documents of a folder and its subfolders, READMEs left out, in path order. */
    private static List<Path> documentsIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt"))
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        }
    }

    private static ParsedDocument parse(Path file) throws IOException, DocumentParseException {
        return new DocumentSplitter().split(Files.readString(file), Optional.empty(), file.getFileName().toString());
    }

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        return Stream.iterate(start, dir -> dir != null, Path::getParent)
                .filter(dir -> Files.isRegularFile(dir.resolve("infra/eval/labels/topics.json")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no infra/eval/labels/topics.json above " + start));
    }
}
