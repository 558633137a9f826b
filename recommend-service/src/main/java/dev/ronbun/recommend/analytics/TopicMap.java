package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the topic map from the paper vectors: a 2-D projection by {@link PrincipalComponents}, clusters by
 * {@link VectorClusters}, cluster labels from keywords. Papers are taken in paper-id order, so the same papers always
 * give the same map; the map is kept until the index changes.
 */
@ApplicationScoped
public class TopicMap {

    static final int LABEL_KEYWORDS = 3;

    private final PaperCorpus corpus;
    private final AnalyticsConfig config;
    private final Map<Integer, Computed> cache = new HashMap<>();

    public TopicMap(PaperCorpus corpus, AnalyticsConfig config) {
        this.corpus = corpus;
        this.config = config;
    }

    /** The map with {@code clusters} clusters, or with the number that separates the papers best when null. */
    public synchronized TopicMapView map(Integer clusters) {
        PaperCorpus.Snapshot snapshot = corpus.snapshot();
        int key = clusters == null ? 0 : clusters;
        Computed computed = cache.get(key);
        if (computed == null || computed.snapshot() != snapshot) {
            cache.clear();
            computed = new Computed(snapshot, compute(snapshot.papers(), clusters, config.maxClusters()));
            cache.put(key, computed);
        }
        return computed.view();
    }

    static TopicMapView compute(List<PaperEvent> papers, Integer clusters, int maxClusters) {
        String model = mostCommonModel(papers);
        List<PaperEvent> shown = papers.stream()
                .filter(p -> modelOf(p).equals(model))
                .sorted(Comparator.comparing(PaperEvent::paperId))
                .toList();
        if (shown.isEmpty()) {
            return new TopicMapView(List.of(), List.of(), null, papers.size());
        }
        float[][] vectors = shown.stream().map(p -> p.embedding().vector()).toArray(float[][]::new);
        double[][] xy = PrincipalComponents.project(vectors, 2);
        VectorClusters.Clustering clustering = clusters != null
                ? VectorClusters.kMeans(vectors, Math.min(clusters, maxClusters))
                : VectorClusters.bestKMeans(vectors, maxClusters);

        List<TopicMapView.Point> points = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            PaperEvent paper = shown.get(i);
            points.add(new TopicMapView.Point(paper.paperId(), paper.title(), paper.titleJa(), xy[i][0], xy[i][1],
                    clustering.assignment()[i]));
        }
        List<List<String>> keywords = clusterKeywords(shown, clustering);
        List<TopicMapView.Cluster> described = new ArrayList<>(clustering.clusters());
        for (int c = 0; c < clustering.clusters(); c++) {
            int members = 0;
            double x = 0;
            double y = 0;
            for (int i = 0; i < shown.size(); i++) {
                if (clustering.assignment()[i] == c) {
                    members++;
                    x += xy[i][0];
                    y += xy[i][1];
                }
            }
            List<String> top = keywords.get(c);
            String label = top.isEmpty() ? "クラスタ " + (c + 1) : String.join("・", top);
            described.add(new TopicMapView.Cluster(c, label, top, members, x / members, y / members));
        }
        return new TopicMapView(points, described, shown.getFirst().embedding().modelId(), papers.size() - shown.size());
    }

    /**
     * Each cluster's keywords that say most about it: summed TF-IDF weight in the cluster, discounted when the
     * keyword is common to many clusters.
     */
    static List<List<String>> clusterKeywords(List<PaperEvent> papers, VectorClusters.Clustering clustering) {
        int k = clustering.clusters();
        List<Map<String, Double>> weights = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            weights.add(new HashMap<>());
        }
        for (int i = 0; i < papers.size(); i++) {
            for (Keyword keyword : papers.get(i).keywords()) {
                if (keyword.term() != null && !keyword.term().isBlank()) {
                    weights.get(clustering.assignment()[i]).merge(keyword.term(), keyword.weight(), Double::sum);
                }
            }
        }
        Map<String, Long> clustersWith = weights.stream().flatMap(w -> w.keySet().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<List<String>> labels = new ArrayList<>(k);
        for (Map<String, Double> cluster : weights) {
            labels.add(cluster.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(
                                    e -> -e.getValue() * Math.log(1.0 + (double) k / clustersWith.get(e.getKey())))
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey)
                    .limit(LABEL_KEYWORDS)
                    .toList());
        }
        return labels;
    }

    /** The model most papers were embedded with; on a tie, the alphabetically first. */
    private static String mostCommonModel(List<PaperEvent> papers) {
        Map<String, Long> counts = papers.stream()
                .collect(Collectors.groupingBy(TopicMap::modelOf, Collectors.counting()));
        return counts.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /** Vectors are comparable when they come from the same model and have the same dimension. */
    private static String modelOf(PaperEvent paper) {
        return paper.embedding().modelId() + "/" + paper.embedding().modelVersion() + "/"
                + paper.embedding().dimension();
    }

    private record Computed(PaperCorpus.Snapshot snapshot, TopicMapView view) {
    }
}
