package dev.ronbun.recommend.analytics;

import java.util.List;

/**
 * The topic map: every paper as a point on the first two principal axes of the paper vectors, coloured by its k-means
 * cluster, and each cluster labelled with its most telling keywords.
 *
 * @param model   the embedding model whose vectors are shown (vectors of different models are never compared)
 * @param skipped papers left out because their vectors come from another model
 */
public record TopicMapView(List<Point> points, List<Cluster> clusters, String model, int skipped) {

    /** One paper on the map. */
    public record Point(String paperId, String title, String titleJa, double x, double y, int cluster) {
    }

    /** One cluster: its label, its top keywords, how many papers it has and where its centre is on the map. */
    public record Cluster(int cluster, String label, List<String> keywords, int papers, double x, double y) {
    }
}
