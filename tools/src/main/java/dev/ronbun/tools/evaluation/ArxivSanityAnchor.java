package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.text.CharNgramTfIdf;
import dev.ronbun.recommend.text.SparseVector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * arxiv-sanity's two recipes, the anchors Ronbun's rankings are measured against on the same papers:
 * <ul>
 *   <li>related papers (arxiv-sanity-lite): TF-IDF over character 1–3-grams of title and summaries, cosine, nothing
 *       else. arxiv-sanity reads title and abstract; the nearest thing here is each document's short summary
 *       ({@link Reading#SUMMARIES}), and the full text of the summaries ({@link Reading#FULL_TEXT}) is the other
 *       reading of "summaries", reported as a second anchor;</li>
 *   <li>a reader's recommendations (arxiv-sanity): a linear SVM over the same features with the reader's papers as
 *       positives against all the rest, balanced class weights, candidates ranked by the decision value.</li>
 * </ul>
 * Ties are broken by paper id, so a run is repeatable.
 */
public final class ArxivSanityAnchor {

    /** What the anchor reads of a paper besides its titles. */
    public enum Reading {
        /** each summary's short summary (the first section, abstract-like) */
        SUMMARIES,
        /** each summary's full text */
        FULL_TEXT
    }

    private final List<PaperEvent> papers;
    private final List<SparseVector> vectors;
    private final Map<String, Integer> positionOf = new HashMap<>();
    private final int dimension;

    public ArxivSanityAnchor(List<PaperEvent> papers, Reading reading) {
        this.papers = List.copyOf(papers);
        List<String> texts = this.papers.stream().map(paper -> text(paper, reading)).toList();
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(texts);
        this.vectors = tfIdf.transformAll(texts);
        this.dimension = tfIdf.vocabularySize();
        for (int i = 0; i < this.papers.size(); i++) {
            positionOf.put(this.papers.get(i).paperId(), i);
        }
    }

    /** What the anchor reads of a paper: its titles and, for each of its summaries, the short or the full text. */
    public static String text(PaperEvent paper, Reading reading) {
        StringBuilder text = new StringBuilder();
        append(text, paper.title());
        append(text, paper.titleJa());
        for (PaperSummary summary : paper.summaries()) {
            boolean hasBody = summary.body() != null && !summary.body().isBlank();
            boolean hasSummary = summary.summary() != null && !summary.summary().isBlank();
            append(text, reading == Reading.FULL_TEXT && hasBody || !hasSummary ? summary.body() : summary.summary());
        }
        return text.toString();
    }

    /** The k papers most similar to the given one by TF-IDF cosine, best first, itself left out. */
    public List<String> related(String paperId, int k) {
        SparseVector query = vectors.get(position(paperId));
        return top(k, Set.of(paperId), i -> query.dot(vectors.get(i)));
    }

    /** The k unread papers an SVM trained on the reader's papers ranks highest; the read papers are left out. */
    public List<String> recommend(Collection<String> readPaperIds, int k) {
        Set<String> read = new HashSet<>(readPaperIds);
        boolean[] positive = new boolean[papers.size()];
        for (String id : read) {
            positive[position(id)] = true;
        }
        LinearSvm svm = LinearSvm.train(vectors, positive, dimension, LinearSvm.ARXIV_SANITY_C, Bootstrap.SEED);
        return top(k, read, i -> svm.decision(vectors.get(i)));
    }

    private List<String> top(int k, Set<String> excluded, ToDoubleFunction<Integer> score) {
        List<Integer> candidates = new ArrayList<>();
        double[] scores = new double[papers.size()];
        for (int i = 0; i < papers.size(); i++) {
            if (!excluded.contains(papers.get(i).paperId())) {
                candidates.add(i);
                scores[i] = score.applyAsDouble(i);
            }
        }
        candidates.sort(Comparator.<Integer>comparingDouble(i -> -scores[i])
                .thenComparing(i -> papers.get(i).paperId()));
        return candidates.stream().limit(k).map(i -> papers.get(i).paperId()).toList();
    }

    private int position(String paperId) {
        Integer position = positionOf.get(paperId);
        if (position == null) {
            throw new IllegalArgumentException("unknown paper " + paperId);
        }
        return position;
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append(part).append('\n');
        }
    }
}
