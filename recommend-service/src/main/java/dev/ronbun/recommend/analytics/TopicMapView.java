package dev.ronbun.recommend.analytics;

import java.util.List;

/**
 * The topic map: every paper as a point on the first two principal axes of the centred paper vectors, coloured by its
 * cluster (or grey as noise), and each cluster labelled with its most distinctive keywords.
 *
 * @param model   the embedding model whose vectors are shown (vectors of different models are never compared)
 * @param skipped papers left out because their vectors come from another model
 * @param noise   papers in no cluster: outliers, and papers of groups too small to be a topic (their cluster is -1)
 */
public record TopicMapView(List<Point> points, List<Cluster> clusters, String model, int skipped, int noise) {

    /** One paper on the map; {@code cluster} is -1 for noise. */
    public record Point(String paperId, String title, String titleJa, double x, double y, int cluster) {
    }

    /** One cluster: its label, its top keywords, how many papers it has and where its centre is on the map. */
    public record Cluster(int cluster, String label, List<String> keywords, int papers, double x, double y) {
    }
}
