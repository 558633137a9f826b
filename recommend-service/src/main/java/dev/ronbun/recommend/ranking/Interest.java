package dev.ronbun.recommend.ranking;

import java.util.List;

/**
 * One interest of a reader: either a cluster of papers they read (with its centroid) or a keyword they chose (with
 * the keyword's query vector when embed-service could make one).
 *
 * @param centroid unit vector, centred as the index centres vectors (see {@code PaperIndexReader.centre()}), or
 *                 null when there is none (keyword without vector)
 * @param weight   how much of the reader's attention it has (the members' weights, or 1 for a keyword)
 * @param members  the papers of the cluster, heaviest first; empty for a keyword
 * @param keyword  the chosen keyword, or null for a cluster
 */
public record Interest(float[] centroid, double weight, List<WeightedPaper> members, String keyword) {

    public Interest {
        members = List.copyOf(members);
    }

    static Interest ofKeyword(String keyword, float[] centred) {
        return new Interest(centred, 1.0, List.of(), keyword);
    }

    boolean isKeyword() {
        return keyword != null;
    }
}
