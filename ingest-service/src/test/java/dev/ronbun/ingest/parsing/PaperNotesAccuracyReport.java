package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures how well one-paper posts are read: papers per file, titles and dates right, for the 26 shared posts and
 * for our own variants. Prints the counts (reported in docs/benchmarks.md) and holds them to a floor.
 */
class PaperNotesAccuracyReport {

    /** A post, the file name it arrives with, and what a reader would call its title and date. */
    record Expected(String name, String text, String title, LocalDate date) {
    }

    record Score(int files, int onePaper, int titles, int dates) {
        @Override
        public String toString() {
            return files + " files: papers per file right " + onePaper + ", titles right " + titles + ", dates right "
                    + dates;
        }
    }

    @Test
    void readsSharedPostsAndOurVariantsAsOnePaperWithTheRightTitleAndDate() throws IOException {
        Score shared = score(sharedPosts());
        Score ours = score(ourVariants());

        System.out.println("paper-notes accuracy, shared front-matter posts: " + shared);
        System.out.println("paper-notes accuracy, our variants: " + ours);
        assertThat(shared.onePaper()).isEqualTo(shared.files());
        assertThat(shared.titles()).isEqualTo(shared.files());
        assertThat(shared.dates()).isEqualTo(shared.files());
        assertThat(ours.onePaper()).isEqualTo(ours.files());
        assertThat(ours.titles()).isEqualTo(ours.files());
        assertThat(ours.dates()).isEqualTo(ours.files());
    }

    private static Score score(List<Expected> posts) {
        int onePaper = 0;
        int titles = 0;
        int dates = 0;
        for (Expected post : posts) {
            ParsedDocument document;
            try {
                document = new DocumentSplitter().split(post.text(), Optional.empty(), post.name());
            } catch (DocumentParseException e) {
                System.out.println("  " + post.name() + ": not parsed: " + e.getMessage());
                continue;
            }
            List<ParsedPaper> papers = document.papers();
            boolean one = papers.size() == 1;
            ParsedPaper paper = papers.getFirst();
            boolean title = post.title().equals(paper.title()) || post.title().equals(paper.titleJa());
            boolean date = post.date() == null ? paper.sourceDate() == null : post.date().equals(paper.sourceDate());
            onePaper += one ? 1 : 0;
            titles += title ? 1 : 0;
            dates += date ? 1 : 0;
            if (!one || !title || !date) {
                System.out.println("  " + post.name() + ": " + papers.size() + " paper(s) as " + document.format()
                        + ", title " + paper.title() + " / " + paper.titleJa() + ", date " + paper.sourceDate());
            }
        }
        return new Score(posts.size(), onePaper, titles, dates);
    }

    /** The shared posts with the title and date their front matter gives, read here by plain line matching. */
    static List<Expected> sharedPosts() throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.directory().resolve("front-matter-posts"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().map(PaperNotesAccuracyReport::shared).toList();
        }
    }

    private static Expected shared(Path file) {
        try {
            String text = Files.readString(file);
            String title = text.lines().filter(l -> l.startsWith("title:")).findFirst().orElseThrow()
                    .substring("title:".length()).strip().replaceAll("^\"|\"$", "");
            String date = text.lines().filter(l -> l.startsWith("date:")).findFirst().orElseThrow()
                    .substring("date:".length()).strip().replace("\"", "").substring(0, 10);
            return new Expected(file.getFileName().toString(), text, title, LocalDate.parse(date));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Expected> ourVariants() {
        return List.of(
                ours("toml-flashattention.md", "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
                        LocalDate.of(2023, 2, 14)),
                ours("2023-06-01-lora-notes.md", "LoRA: Low-Rank Adaptation of Large Language Models",
                        LocalDate.of(2023, 6, 1)),
                ours("ja-title-en-citation.md", "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
                        LocalDate.of(2023, 3, 20)),
                ours("zenn-vit.md", "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
                        LocalDate.of(2024, 1, 8)),
                ours("qiita-rag.md", "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks",
                        LocalDate.of(2024, 5, 2)),
                ours("english-questions-dpo.md",
                        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
                        LocalDate.of(2024, 3, 11)),
                ours("obsidian-word2vec.md", "Efficient Estimation of Word Representations in Vector Space",
                        LocalDate.of(2022, 11, 30)),
                ours("broken-yaml-bert.md", "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
                        null),
                ours("2017-03-13-Deep-Learning-applied-to-NLP.md", "Deep Learning applied to NLP",
                        LocalDate.of(2017, 3, 13)));
    }

    private static Expected ours(String name, String title, LocalDate date) {
        return new Expected(name, paperNotes(name), title, date);
    }

    static String paperNotes(String name) {
        try (InputStream in = PaperNotesAccuracyReport.class.getResourceAsStream("/documents/paper-notes/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test document /documents/paper-notes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
