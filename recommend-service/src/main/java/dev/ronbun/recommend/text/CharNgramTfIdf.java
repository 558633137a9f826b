package dev.ronbun.recommend.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * TF-IDF over character n-grams, fitted on a set of documents: the text signal of arxiv-sanity-lite's related-papers
 * recipe, written to match scikit-learn's {@code TfidfVectorizer(analyzer='char', ngram_range=(1, 3),
 * sublinear_tf=True, lowercase=True)} with its defaults {@code smooth_idf=True, norm='l2'}. Character n-grams need
 * no tokeniser, so Japanese and English text are treated alike. Accents are not stripped (arxiv-sanity-lite strips
 * them): stripping combining marks would turn が into か.
 *
 * <ul>
 *   <li>text: NFKC-normalised (full-width letters and digits become ASCII, as a reader would read them), lower-cased,
 *       runs of white space collapsed to one space;</li>
 *   <li>terms: every run of {@code minN..maxN} code points, spaces included;</li>
 *   <li>weight: {@code (1 + ln tf) * idf}, {@code idf = ln((1 + n) / (1 + df)) + 1}, then the vector is scaled to unit
 *       length, so the dot product of two vectors is their cosine.</li>
 * </ul>
 * The vocabulary is the fitted documents' n-grams; a text transformed later ignores n-grams outside it.
 */
public final class CharNgramTfIdf {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final int minN;
    private final int maxN;
    private final Map<String, Integer> vocabulary;
    private final double[] idf;

    private CharNgramTfIdf(int minN, int maxN, Map<String, Integer> vocabulary, double[] idf) {
        this.minN = minN;
        this.maxN = maxN;
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /** Fits character 1- to 3-grams, arxiv-sanity-lite's setting. */
    public static CharNgramTfIdf fit(List<String> documents) {
        return fit(documents, 1, 3);
    }

    public static CharNgramTfIdf fit(List<String> documents, int minN, int maxN) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("n-gram range must satisfy 1 <= minN <= maxN, was " + minN + ".." + maxN);
        }
        // A sorted vocabulary gives the same indices whatever order the documents come in.
        TreeMap<String, Integer> documentFrequency = new TreeMap<>();
        for (String document : documents) {
            for (String term : termCounts(document, minN, maxN).keySet()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new HashMap<>(documentFrequency.size() * 2);
        double[] idf = new double[documentFrequency.size()];
        int n = documents.size();
        int index = 0;
        for (Map.Entry<String, Integer> entry : documentFrequency.entrySet()) {
            vocabulary.put(entry.getKey(), index);
            idf[index] = TfIdfWeighting.idf(n, entry.getValue());
            index++;
        }
        return new CharNgramTfIdf(minN, maxN, vocabulary, idf);
    }

    /** The unit-length TF-IDF vector of a text (empty when it shares no n-gram with the vocabulary). */
    public SparseVector transform(String text) {
        TreeMap<Integer, Double> weights = new TreeMap<>();
        termCounts(text, minN, maxN).forEach((term, count) -> {
            Integer index = vocabulary.get(term);
            if (index != null) {
                weights.put(index, TfIdfWeighting.weight(count, idf[index]));
            }
        });
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm == 0) {
            return SparseVector.EMPTY;
        }
        int[] indices = new int[weights.size()];
        double[] values = new double[weights.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> entry : weights.entrySet()) {
            indices[i] = entry.getKey();
            values[i] = entry.getValue() / norm;
            i++;
        }
        return new SparseVector(indices, values);
    }

    public List<SparseVector> transformAll(List<String> texts) {
        List<SparseVector> vectors = new ArrayList<>(texts.size());
        texts.forEach(text -> vectors.add(transform(text)));
        return vectors;
    }

    public int vocabularySize() {
        return idf.length;
    }

    /** The inverse document frequency of an n-gram, or 0 when it is not in the vocabulary. */
    public double idf(String ngram) {
        Integer index = vocabulary.get(ngram);
        return index == null ? 0.0 : idf[index];
    }

    /** The text as the n-grams are cut from it: NFKC, lower case, white space collapsed. */
    public static String preprocess(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITE_SPACE.matcher(nfkc.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** Every n-gram of the preprocessed text with its count. */
    static Map<String, Integer> termCounts(String text, int minN, int maxN) {
        int[] codePoints = preprocess(text).codePoints().toArray();
        Map<String, Integer> counts = new HashMap<>();
        for (int n = minN; n <= maxN; n++) {
            for (int start = 0; start + n <= codePoints.length; start++) {
                counts.merge(new String(codePoints, start, n), 1, Integer::sum);
            }
        }
        return counts;
    }
}
