package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever text arrives, the splitter answers within a second with papers or a {@link DocumentParseException} that is
 * a deliberate refusal, never an internal failure. Inputs are random strings built from the marks the parsers look
 * at, and the corpus and our samples with lines deleted, duplicated and shuffled and characters inserted. Every case is
 * generated from its seed, so a failing seed can be replayed.
 */
class DocumentSplitterFuzzTest {

    /** Tries per generator; {@code -Dronbun.fuzz.tries=5000} fuzzes deeper on demand. */
    private static final int TRIES = Integer.getInteger("ronbun.fuzz.tries", 150);
    private static final Duration LIMIT = Duration.ofSeconds(1);

    private static final List<String> SEEDS = seeds();
    private static final String[] TOKENS = {
            "\n", "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "　", "#", "# ", "## ", "### ", "＃ ", "@", "＠", "[",
            "]", "［", "］", "【", "】", "(", ")", "（", "）", "|", "｜", "-", "---", "***", "*", "•", "・", "`", "```",
            ":", "：", "。", "、", "！", "？", ".", ",", "[論文]", "[blog]", "[oss]", "[nick]", "@Someone Name",
            "メインTOPIC: ", "タイトル", "著者", "論文リンク", "https://arxiv.org/abs/2501.00001v2", "http://", "https://",
            "[View Paper](", "## 1. ", "## 8. ツイート", "1.概要と位置づけ", "12 分で読了", "0 views", "Paper | GitHub",
            "Project", "Kai Wang, Yang You", "<p>", "</p>", "<script>", "</script>", "<html>", "<h1>", "<a href=\"",
            "\">", "</a>", "<li>", "<pre>", "2025-09-30", "2025年9月30日", "論文", "要約", "概要", "手法", "テスト",
            "漢字かなカナ", "Title", "abc", "0", "12345", "\u0000", "\u0007", "\u001B", "\uFEFF", "\u200B", "\u00A0",
            "\u2028", "\uD800", "\uDC00", "🤖", "\\", "$", "^", "{", "}", "&amp;", "<!--", "-->"};

    static Stream<Arguments> randomTexts() {
        return IntStream.range(0, TRIES).mapToObj(seed -> Arguments.of(seed, randomText(new Random(seed))));
    }

    static Stream<Arguments> mutatedDocuments() {
        return IntStream.range(0, TRIES).mapToObj(seed -> {
            Random random = new Random(1_000_003L * seed);
            String base = SEEDS.get(random.nextInt(SEEDS.size()));
            return Arguments.of(seed, mutate(base, random));
        });
    }

    /** Long runs of the marks the parsers look at: a regular expression that backtracks would blow the limit. */
    static Stream<Arguments> pathologicalTexts() {
        return Stream.of(
                "[".repeat(60_000), "- ".repeat(30_000), "#".repeat(60_000), "# " + "a ".repeat(30_000) + "b",
                "@" + "a".repeat(60_000), "https://" + "a".repeat(60_000), "|".repeat(60_000),
                "(".repeat(30_000) + ")".repeat(30_000), "1.".repeat(30_000), "\n".repeat(60_000) + "x",
                "a\n".repeat(30_000), "@a\n[論文] t\n".repeat(5_000),
                "# t\n[View Paper](https://arxiv.org/abs/2501.00001)\n## 1. q\n---\n".repeat(1_000),
                "短い行\n".repeat(15_000), "x | Paper\nA B\n".repeat(5_000), "タイトル" + "\t".repeat(60_000) + "x",
                "[" + "a".repeat(23) + "]" + " ".repeat(60_000) + "x", "*" + " *".repeat(30_000) + "x",
                "<div>".repeat(4_000) + "text", "2025-" + "1-".repeat(30_000), "［".repeat(60_000),
                "1." + "a".repeat(60_000), "田中\n" + "あ".repeat(60_000))
                .map(text -> Arguments.of(text.length(), text));
    }

    @BeforeAll
    static void warmUp() {
        DocumentSplitter splitter = new DocumentSplitter();
        for (String seed : SEEDS) {
            try {
                splitter.split(seed, Optional.empty());
            } catch (DocumentParseException e) {
                throw new IllegalStateException("a seed document must split", e);
            }
        }
    }

    @ParameterizedTest(name = "random text, seed {0}")
    @MethodSource("randomTexts")
    void randomTextIsSplitOrRefusedQuickly(int seed, String text) {
        assertSplitsOrRefusesWithinLimit(text);
    }

    @ParameterizedTest(name = "mutated document, seed {0}")
    @MethodSource("mutatedDocuments")
    void mutatedDocumentIsSplitOrRefusedQuickly(int seed, String text) {
        assertSplitsOrRefusesWithinLimit(text);
    }

    @ParameterizedTest(name = "pathological text of {0} characters")
    @MethodSource("pathologicalTexts")
    void pathologicalTextIsSplitOrRefusedQuickly(int length, String text) {
        assertSplitsOrRefusesWithinLimit(text);
    }

    private static void assertSplitsOrRefusesWithinLimit(String text) {
        DocumentSplitter splitter = new DocumentSplitter();
        Optional<ParsedDocument> document = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return Optional.of(splitter.split(text, Optional.empty()));
            } catch (DocumentParseException refused) {
                assertThat(refused.getCause()).as("a refusal, not an internal failure: %s", refused.getMessage()).isNull();
                assertThat(refused.getMessage()).isNotBlank();
                return Optional.empty();
            }
        });
        document.ifPresent(DocumentSplitterFuzzTest::assertWellFormed);
    }

    private static void assertWellFormed(ParsedDocument document) {
        assertThat(document.papers()).isNotEmpty();
        for (ParsedPaper paper : document.papers()) {
            assertThat(paper.format()).isEqualTo(document.format());
            assertThat(paper.title() != null || paper.titleJa() != null).as("paper has a title").isTrue();
            assertThat(paper.kind()).isNotBlank();
            assertThat(paper.body()).isNotNull();
            if (paper.arxivId() != null) {
                assertThat(paper.arxivId()).matches("\\d{4}\\.\\d{4,5}");
            }
            assertThat(paper.urls()).allMatch(url -> url.startsWith("http"));
        }
    }

    private static String randomText(Random random) {
        int tokens = random.nextInt(600);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            if (random.nextInt(5) == 0) {
                text.appendCodePoint(random.nextInt(0x3100));
            } else {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return text.toString();
    }

    private static String mutate(String base, Random random) {
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        int operations = 1 + random.nextInt(6);
        for (int op = 0; op < operations && !lines.isEmpty(); op++) {
            int at = random.nextInt(lines.size());
            int span = Math.min(lines.size() - at, 1 + random.nextInt(30));
            switch (random.nextInt(7)) {
                case 0 -> lines.subList(at, at + span).clear();
                case 1 -> lines.addAll(at, new ArrayList<>(lines.subList(at, at + span)));
                case 2 -> Collections.shuffle(lines.subList(at, at + span), random);
                case 3 -> lines.set(at, insertCharacters(lines.get(at), random));
                case 4 -> lines.set(at, randomText(random).replace("\n", " "));
                case 5 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                default -> lines.subList(at, lines.size()).clear();
            }
        }
        String text = String.join("\n", lines);
        return random.nextBoolean() ? text : TestDocuments.withCrLf(text);
    }

    private static String insertCharacters(String line, Random random) {
        StringBuilder out = new StringBuilder(line);
        int insertions = 1 + random.nextInt(10);
        for (int i = 0; i < insertions; i++) {
            String token = random.nextBoolean() ? TOKENS[random.nextInt(TOKENS.length)]
                    : String.valueOf((char) random.nextInt(0x10000));
            out.insert(random.nextInt(out.length() + 1), token);
        }
        return out.toString();
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        TestDocuments.CORPUS.forEach(name -> seeds.add(TestDocuments.corpus(name)));
        TestDocuments.OURS.forEach(name -> seeds.add(TestDocuments.ours(name)));
        return seeds;
    }
}
