package dev.ronbun.recommend.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The ML glossary ({@code ml-glossary.tsv}): Japanese spellings of ML concepts (エージェント, 蒸留, 大規模言語モデル)
 * rewritten to one canonical English term, so that a paper summarised in Japanese and one summarised in English share
 * the words they are about. Applied alike to indexed papers and to the papers a query starts from.
 */
public final class BilingualGlossary {

    private static final String RESOURCE = "ml-glossary.tsv";
    private static final Map<String, String> CANONICAL = load();
    private static final NormalizeCharMap MAP = charMap(CANONICAL);

    private BilingualGlossary() {
    }

    /** The text with every glossary spelling replaced by its canonical term, longest spelling first. */
    public static Reader canonical(Reader text) {
        return new MappingCharFilter(MAP, text);
    }

    /** Each spelling the glossary knows and the canonical term it stands for. */
    public static Map<String, String> spellings() {
        return CANONICAL;
    }

    private static Map<String, String> load() {
        Map<String, String> canonical = new LinkedHashMap<>();
        try (InputStream in = BilingualGlossary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] spellings = line.split("\t");
                String term = spellings[0].strip();
                for (int i = 1; i < spellings.length; i++) {
                    String spelling = spellings[i].strip();
                    if (!spelling.isEmpty() && !spelling.equals(term)) {
                        canonical.putIfAbsent(spelling, term);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(canonical);
    }

    private static NormalizeCharMap charMap(Map<String, String> canonical) {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        // spaces around the term keep it apart from the Japanese it sat in, so its grams are its own
        canonical.forEach((spelling, term) -> builder.add(spelling, " " + term + " "));
        return builder.build();
    }
}
