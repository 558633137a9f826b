package dev.ronbun.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The one Kuromoji analysis of Ronbun: the BM25 index and query analysers and the keyword view all come from the
 * settings defined here, so a term extracted as a keyword is spelled the way the index spells it.
 *
 * <p>Settings: {@link JapaneseTokenizer} in {@link JapaneseTokenizer.Mode#SEARCH SEARCH} mode (long compounds are
 * split into their parts, which helps recall) with {@code ml-user-dictionary.txt}, which keeps ML terms such as
 * 大規模言語モデル or 知識蒸留 whole; then Lucene's standard Japanese chain: CJK width folding, base form,
 * part-of-speech stop filter (particles, auxiliaries, symbols, conjunctions), stop words, katakana stem and lower
 * case. The stop words are Lucene's Japanese list plus its English list, because summaries quote English titles.
 * Latin-script terms (LLM, Transformer, LoRA) survive as single lower-cased tokens.
 */
public final class JapaneseAnalyzers {

    private static final String USER_DICTIONARY = "ml-user-dictionary.txt";
    private static final UserDictionary ML_TERMS = loadUserDictionary();
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final Set<String> STOP_TAGS = JapaneseAnalyzer.getDefaultStopTags();
    private static final Analyzer KEYWORD_ANALYZER = newAnalyzer();

    private JapaneseAnalyzers() {
    }

    /**
     * The analyser for indexing summaries into BM25. Each call returns a new analyser sharing the loaded
     * dictionaries; the caller owns it and closes it.
     */
    public static Analyzer indexAnalyzer() {
        return newAnalyzer();
    }

    /** The analyser for BM25 queries: the same settings as {@link #indexAnalyzer()}, so both sides agree. */
    public static Analyzer queryAnalyzer() {
        return newAnalyzer();
    }

    /** The terms an analyser makes of a text, in text order. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The keyword candidates of a text, in text order and with repeats (so callers can count them): the nouns of
     * the index analysis, with runs of adjacent nouns joined back into one compound (画像 + 超解像 becomes
     * 画像超解像), since search mode splits compounds that make the best keywords. Before analysis, mathematics is
     * blanked and the speaker lines of a dialogue removed (see {@link KeywordText}). A Latin word with digits or
     * hyphens stays whole (YOLOv9, wav2vec2, GPT-4, BERT-base become {@code yolov9}, {@code wav2vec2},
     * {@code gpt-4}, {@code bert-base}), and a measurement (4bit, 48GB) gives nothing; two or three English
     * words in a row, or joined by "of", are also counted as one phrase ({@code knowledge distillation},
     * {@code mixture of experts}) besides their words. Verbs,
     * adjectives, numbers, person names (Kuromoji's 人名), speakers' names and whatever {@link KeywordFilter}
     * refuses are dropped; see {@link CompoundNouns} for the joining rules.
     */
    public static List<String> keywordTokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        KeywordText prepared = KeywordText.of(text);
        String analysed = prepared.text();
        List<LatinWords.Span> whole = LatinWords.wholeWords(analysed);
        CompoundNouns compounds = new CompoundNouns();
        EnglishPhrases phrases = new EnglishPhrases(analysed);
        try (TokenStream stream = KEYWORD_ANALYZER.tokenStream("", analysed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute partOfSpeech = stream.addAttribute(PartOfSpeechAttribute.class);
            stream.reset();
            int spanIndex = 0;
            int emittedUpTo = -1;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                while (spanIndex < whole.size() && whole.get(spanIndex).end() <= start) {
                    spanIndex++;
                }
                if (spanIndex < whole.size() && whole.get(spanIndex).start() <= start) {
                    LatinWords.Span span = whole.get(spanIndex);
                    if (emittedUpTo < span.end()) {
                        if (span.measurement()) {
                            compounds.accept(span.word(), null, span.start(), span.end());
                            phrases.breakRun();
                        } else {
                            compounds.accept(span.word(), LatinWords.PART_OF_SPEECH, span.start(), span.end());
                            phrases.accept(span.word(), span.start(), span.end());
                        }
                        emittedUpTo = span.end();
                    }
                    continue;
                }
                String token = term.toString();
                String pos = partOfSpeech.getPartOfSpeech();
                compounds.accept(token, pos, start, offset.endOffset());
                if (pos != null && pos.startsWith("名詞")) {
                    phrases.accept(token, start, offset.endOffset());
                } else {
                    phrases.breakRun();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> keywords = new ArrayList<>(compounds.finish());
        keywords.addAll(phrases.finish());
        keywords.removeIf(keyword -> !KeywordFilter.accepts(keyword) || prepared.namesASpeaker(keyword));
        return keywords;
    }

    private static Analyzer newAnalyzer() {
        return new JapaneseAnalyzer(ML_TERMS, JapaneseTokenizer.Mode.SEARCH, STOP_WORDS, STOP_TAGS);
    }

    private static CharArraySet stopWords() {
        CharArraySet japanese = JapaneseAnalyzer.getDefaultStopSet();
        CharArraySet english = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        CharArraySet both = new CharArraySet(japanese.size() + english.size(), true);
        both.addAll(japanese);
        both.addAll(english);
        return CharArraySet.unmodifiableSet(both);
    }

    private static UserDictionary loadUserDictionary() {
        try (InputStream in = JapaneseAnalyzers.class.getResourceAsStream(USER_DICTIONARY)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + USER_DICTIONARY);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return UserDictionary.open(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + USER_DICTIONARY, e);
        }
    }
}
