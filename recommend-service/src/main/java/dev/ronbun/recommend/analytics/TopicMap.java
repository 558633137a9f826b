package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes the topic map from the paper vectors, centred on their mean: principal axes by {@link PrincipalComponents}
 * (the first two are drawn, the first {@link #CLUSTER_DIMENSIONS} are clustered), clusters and noise by
 * {@link VectorClusters}, cluster labels by {@link ClusterLabels} (class-based TF-IDF over the papers' keywords).
 * Papers are taken in paper-id order and every random choice has a fixed seed, so the same papers always give the same
 * map; the map is kept until the index changes.
 */
@ApplicationScoped
public class TopicMap {

    static final int LABEL_KEYWORDS = 3;
    /** Principal axes the clusters are found on: topics spread over more than the two that are drawn. */
    static final int CLUSTER_DIMENSIONS = 16;

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

    /** The map of these papers: with {@code clusters} clusters, or with the number that separates them best when null. */
    public static TopicMapView compute(List<PaperEvent> papers, Integer clusters, int maxClusters) {
        String model = mostCommonModel(papers);
        List<PaperEvent> shown = papers.stream()
                .filter(p -> modelOf(p).equals(model))
                .sorted(Comparator.comparing(PaperEvent::paperId))
                .toList();
        if (shown.isEmpty()) {
            return new TopicMapView(List.of(), List.of(), null, papers.size(), 0);
        }
        double[][] directions = centredDirections(shown);
        double[][] coordinates = PrincipalComponents.project(directions,
                Math.max(2, Math.min(CLUSTER_DIMENSIONS, directions[0].length)));
        VectorClusters.Clustering clustering = clusters != null
                ? VectorClusters.withNoise(coordinates, Math.min(clusters, maxClusters))
                : VectorClusters.best(coordinates, maxClusters);

        List<TopicMapView.Point> points = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            PaperEvent paper = shown.get(i);
            points.add(new TopicMapView.Point(paper.paperId(), paper.title(), paper.titleJa(), x(coordinates[i]),
                    y(coordinates[i]), clustering.assignment()[i]));
        }
        List<List<String>> keywords = ClusterLabels.distinctiveKeywords(
                shown.stream().map(TopicMap::terms).toList(), clustering.assignment(), clustering.clusters(),
                LABEL_KEYWORDS);
        List<TopicMapView.Cluster> described = new ArrayList<>(clustering.clusters());
        for (int c = 0; c < clustering.clusters(); c++) {
            int members = 0;
            double x = 0;
            double y = 0;
            for (int i = 0; i < shown.size(); i++) {
                if (clustering.assignment()[i] == c) {
                    members++;
                    x += x(coordinates[i]);
                    y += y(coordinates[i]);
                }
            }
            List<String> top = keywords.get(c);
            String label = top.isEmpty() ? "クラスタ " + (c + 1) : String.join("・", top);
            described.add(new TopicMapView.Cluster(c, label, top, members, x / members, y / members));
        }
        return new TopicMapView(points, described, shown.getFirst().embedding().modelId(), papers.size() - shown.size(),
                clustering.noise());
    }

    /**
     * The papers' vectors with their common direction taken out, at unit length: the model puts every paper in a
     * narrow cone (see {@code VectorCentre}), and what tells topics apart is the direction away from the cone's axis.
     */
    static double[][] centredDirections(List<PaperEvent> papers) {
        int dimension = papers.getFirst().embedding().vector().length;
        double[] mean = new double[dimension];
        for (PaperEvent paper : papers) {
            float[] v = paper.embedding().vector();
            for (int j = 0; j < dimension; j++) {
                mean[j] += v[j] / papers.size();
            }
        }
        double[][] directions = new double[papers.size()][dimension];
        for (int i = 0; i < papers.size(); i++) {
            float[] v = papers.get(i).embedding().vector();
            double length = 0;
            for (int j = 0; j < dimension; j++) {
                directions[i][j] = v[j] - mean[j];
                length += directions[i][j] * directions[i][j];
            }
            if (length > 0) {
                double scale = 1 / Math.sqrt(length);
                for (int j = 0; j < dimension; j++) {
                    directions[i][j] *= scale;
                }
            }
        }
        return directions;
    }

    private static double x(double[] coordinates) {
        return coordinates[0];
    }

    private static double y(double[] coordinates) {
        return coordinates.length > 1 ? coordinates[1] : 0;
    }

    /** The paper's keywords, each once. */
    private static List<String> terms(PaperEvent paper) {
        return paper.keywords().stream().map(Keyword::term)
                .filter(term -> term != null && !term.isBlank())
                .distinct()
                .toList();
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
