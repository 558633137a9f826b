package dev.ronbun.embed.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.infra.testing.SharedCorpus;
import dev.ronbun.text.KeywordFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The top keywords of every paper of the shared corpus and of samples/ against the rules of a keyword a person
 * would pick. Documents are split simply (embed does not depend on ingest's parsers): structured summaries at their
 * "---" separators, every other document whole; a front-matter post's tags join as the paper's tags.
 */
class KeywordsOfEveryPaperTest {

    private static final int TOP = 10;
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\s*---\\n(.*?)\\n---\\n", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("tags:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern PEOPLE = Pattern.compile("^(?:- )?(?:著者|Authors?)[:：]\\s*(.+)$|^@(.+)$",
            Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** The speakers of the dialogue documents, as their turns name them. */
    private static final Set<String> SPEAKERS = Set.of("佐藤部長", "部長", "田中専務", "専務", "拓海", "山本課長", "課長",
            "ハルカ", "ミナト", "メンター", "講師");

    private static final UserDictionary ML_TERMS = mlTerms();

    private final KeywordExtractor extractor = new KeywordExtractor();
    private final TfIdfRanker ranker = new TfIdfRanker();

    @Test
    void everyPapersTopKeywordsFollowTheRulesOfAKeywordAPersonWouldPick() {
        List<Paper> papers = papers();
        List<TermFrequencies> terms = papers.stream().map(p -> extractor.termFrequencies(p.text(), p.people()))
                .toList();
        DocumentFrequencies corpus = DocumentFrequencies.of(terms);
        Map<String, List<String>> broken = new LinkedHashMap<>();

        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            List<String> top = ranker.topKeywords(terms.get(i), corpus, TOP, paper.tags()).stream()
                    .map(Keyword::term).toList();
            if (System.getenv("RONBUN_PRINT_KEYWORDS") != null) {
                System.out.println(paper.name() + "\t" + top);
            }
            List<String> why = new ArrayList<>();
            for (String keyword : top) {
                boolean tag = paper.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(keyword));
                String rule = brokenRule(keyword, paper.text(), tag);
                if (rule != null) {
                    why.add(keyword + " (" + rule + ")");
                }
            }
            if (!why.isEmpty()) {
                broken.put(paper.name(), why);
            }
            assertThat(top).as(paper.name()).isNotEmpty();
        }

        assertThat(papers).hasSizeGreaterThan(60);
        assertThat(broken).as("papers whose top keywords break a rule").isEmpty();
    }

    @Test
    void theWritersTagsJoinTheKeywords() {
        Paper flashAttention = papers().stream().filter(p -> p.name().contains("flashattention")).findFirst()
                .orElseThrow();
        List<Paper> papers = papers();
        DocumentFrequencies corpus = DocumentFrequencies.of(
                papers.stream().map(p -> extractor.termFrequencies(p.text())).toList());

        List<String> top = ranker.topKeywords(extractor.termFrequencies(flashAttention.text()), corpus, TOP,
                flashAttention.tags()).stream().map(Keyword::term).toList();

        assertThat(flashAttention.tags()).contains("attention", "GPU", "高速化");
        assertThat(top).contains("attention", "gpu", "高速化");
    }

    /** The rule a keyword breaks, or null. */
    private static String brokenRule(String keyword, String text, boolean tag) {
        if (!KeywordFilter.accepts(keyword)) {
            return "stop list, single character or number";
        }
        if (keyword.matches(".*[\\\\${}^_].*")) {
            return "LaTeX";
        }
        if (SPEAKERS.stream().anyMatch(keyword::contains)) {
            return "speaker";
        }
        if (!tag && keyword.matches("[a-z0-9.]+") && !standsWhole(keyword, text)) {
            return "cut from a longer word";
        }
        String person = personNames(text).stream()
                .filter(name -> name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .filter(keyword::contains).findFirst().orElse(null);
        if (keyword.codePoints().anyMatch(cp -> cp > 0x7f) && person != null) {
            return "person name " + person;
        }
        return null;
    }

    /** The Latin keyword occurs somewhere as a word of its own: not followed by a digit or a hyphenated part. */
    private static boolean standsWhole(String keyword, String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Matcher occurrence = Pattern.compile("(?<![a-z0-9\\-])" + Pattern.quote(keyword) + "(?![a-z0-9]|-[a-z0-9])")
                .matcher(folded);
        return occurrence.find();
    }

    /**
     * The words Kuromoji, with Ronbun's dictionary of ML terms (トークン is no トー|クン), tags 人名 where the paper
     * uses them: person names in context. Only names written in kanji count here: Kuromoji tags katakana loanwords
     * such as スライド 人名 in some sentences and not in others.
     */
    private static Set<String> personNames(String text) {
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(ML_TERMS, true, JapaneseTokenizer.Mode.SEARCH)) {
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            Set<String> names = new HashSet<>();
            while (tokenizer.incrementToken()) {
                if (pos.getPartOfSpeech() != null && pos.getPartOfSpeech().contains("人名") && term.length() >= 2) {
                    names.add(term.toString().toLowerCase(Locale.ROOT));
                }
            }
            tokenizer.end();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UserDictionary mlTerms() {
        try (InputStream in = KeywordFilter.class.getResourceAsStream("ml-user-dictionary.txt")) {
            return UserDictionary.open(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A paper as the test splits it.
     *
     * @param people the authors and presenters it names, as ingest's parsers pass them on (著者: lines, @name lines)
     */
    private record Paper(String name, String text, List<String> tags, List<String> people) {
    }

    private static List<Paper> papers() {
        List<Paper> papers = new ArrayList<>();
        Path samples = samplesDirectory();
        for (Path directory : List.of(SharedCorpus.directory(), SharedCorpus.directory().resolve("front-matter-posts"),
                samples)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.toString().matches(".*\\.(md|txt)$"))
                        .filter(f -> !f.getFileName().toString().equals("README.md"))
                        .sorted()
                        .forEach(file -> papers.addAll(papersOf(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return papers;
    }

    private static List<Paper> papersOf(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tags = new ArrayList<>();
        Matcher frontMatter = FRONT_MATTER.matcher(text);
        if (frontMatter.find()) {
            Matcher tagList = TAGS.matcher(frontMatter.group(1));
            if (tagList.find()) {
                Matcher quoted = QUOTED.matcher(tagList.group(1));
                while (quoted.find()) {
                    tags.add(quoted.group(1));
                }
            }
            text = text.substring(frontMatter.end());
        }
        String name = file.getFileName().toString();
        String[] pieces = text.split("\n---\n");
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isBlank()) {
                papers.add(new Paper(name + "#" + i, pieces[i], tags, people(pieces[i])));
            }
        }
        return papers;
    }

    private static List<String> people(String text) {
        List<String> people = new ArrayList<>();
        Matcher line = PEOPLE.matcher(text);
        while (line.find()) {
            String names = line.group(1) != null ? line.group(1) : line.group(2);
            for (String name : names.split("[,，、]|\\(|\\)")) {
                if (!name.isBlank()) {
                    people.add(name.strip());
                }
            }
        }
        return people;
    }

    private static Path samplesDirectory() {
        return Stream.iterate(Path.of("").toAbsolutePath(), dir -> dir != null, Path::getParent)
                .map(dir -> dir.resolve("samples"))
                .filter(dir -> Files.isRegularFile(dir.resolve("topics.json")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No samples/ above the working directory"));
    }
}
