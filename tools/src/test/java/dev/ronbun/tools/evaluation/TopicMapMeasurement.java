package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.analytics.TopicMap;
import dev.ronbun.recommend.analytics.TopicMapView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures the topic map (docs/benchmarks.md): cluster shares, noise and labels on a paper export
 * ({@code GET /api/admin/papers.jsonl}), and the time to compute the map for synthetic papers. Not a test: run by hand,
 * {@code java -cp ... dev.ronbun.tools.evaluation.TopicMapMeasurement [papers.jsonl] [synthetic sizes...]}.
 */
public final class TopicMapMeasurement {

    private static final int REPEATS = 5;
    private static final int MAX_CLUSTERS = 8;

    private TopicMapMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            if (arg.endsWith(".jsonl")) {
                List<PaperEvent> papers = Files.readAllLines(Path.of(arg)).stream().filter(line -> !line.isBlank())
                        .map(EventJson::readPaper).toList();
                report(arg, papers);
            } else {
                int n = Integer.parseInt(arg);
                SyntheticPapers synthetic = new SyntheticPapers(42, 384, Math.max(4, n / 100), 0.82);
                report("synthetic " + n + " papers, " + Math.max(4, n / 100) + " topics, 384 dims, cone 0.82",
                        IntStream.range(0, n).mapToObj(synthetic::paper).toList());
            }
        }
    }

    private static void report(String name, List<PaperEvent> papers) {
        TopicMapView map = TopicMap.compute(papers, null, MAX_CLUSTERS); // warm-up, and the map reported
        long[] nanos = new long[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            TopicMapView again = TopicMap.compute(papers, null, MAX_CLUSTERS);
            nanos[r] = System.nanoTime() - start;
            if (!again.equals(map)) {
                throw new IllegalStateException("the map changed between runs");
            }
        }
        Arrays.sort(nanos);
        int total = map.points().size();
        System.out.printf("%s: %d papers shown, %d clusters, noise %d (%.1f %%), largest %.1f %%, time median %.0f ms"
                        + " (min %.0f, max %.0f, %d runs), same map every run%n",
                name, total, map.clusters().size(), map.noise(), 100.0 * map.noise() / total,
                100.0 * map.clusters().stream().mapToInt(TopicMapView.Cluster::papers).max().orElse(0) / total,
                nanos[REPEATS / 2] / 1e6, nanos[0] / 1e6, nanos[REPEATS - 1] / 1e6, REPEATS);
        if (total <= 1000) {
            for (TopicMapView.Cluster cluster : map.clusters()) {
                System.out.printf("  %2d  %4d papers  %5.1f %%  %s%n", cluster.cluster() + 1, cluster.papers(),
                        100.0 * cluster.papers() / total, cluster.label());
            }
        }
    }
}
