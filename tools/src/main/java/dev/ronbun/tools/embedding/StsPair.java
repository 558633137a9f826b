package dev.ronbun.tools.embedding;

/** One sentence pair of a semantic textual similarity set, with its human similarity score (JSTS: 0 to 5). */
public record StsPair(String sentence1, String sentence2, double label) {
}
