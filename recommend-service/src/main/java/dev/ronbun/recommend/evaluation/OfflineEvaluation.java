package dev.ronbun.recommend.evaluation;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.ranking.PersonalRanking;
import dev.ronbun.recommend.ranking.RankingMode;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.ReciprocalRankFusion;
import dev.ronbun.recommend.ranking.ScoreFusion;
import dev.ronbun.recommend.ranking.Recommendation;
import dev.ronbun.recommend.ranking.RelatedPapers;
import dev.ronbun.recommend.readers.PaperSignal;
import dev.ronbun.recommend.readers.ReaderProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline evaluation of related papers and personal recommendations against the hand-made topic labels, runnable as a
 * plain {@code main}. Papers come from a JSON-lines dump of PaperEvents (recommend-service's
 * {@code GET /api/admin/papers.jsonl}, as a file or that URL), so the vectors and keywords are the real pipeline's.
 *
 * <ul>
 *   <li><b>precision@5 of related papers</b>: for each labelled work whose topic has another work, the share of its
 *       five related papers that share a topic with it.</li>
 *   <li><b>hit-rate@10 and nDCG@10 of recommendations</b>: for each work of each topic with at least two works, a
 *       simulated reader has read the topic's other works; the hidden work is the one relevant answer.</li>
 * </ul>
 * Each is reported for vector-only, BM25-only and hybrid ranking (all diversified as served, hybrid with the configured
 * fusion), for hybrid without diversification, and for hybrid with reciprocal-rank fusion instead.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp 'recommend-service/target/quarkus-app/app/*:recommend-service/target/quarkus-app/lib/main/*' \
 *     dev.ronbun.recommend.evaluation.OfflineEvaluation --papers papers.jsonl \
 *     [--topics samples/topics.json --topics infra/eval/corpus-topics.json] [--out report.json]
 * </pre>
 */
public final class OfflineEvaluation {

    static final int RELATED_K = 5;
    static final int RECOMMEND_K = 10;

    /** One way of ranking under evaluation; a null fusion means the one the settings name. */
    public record Variant(String name, RankingMode mode, boolean diversify, ScoreFusion fusion) {

        RankingSettings applyTo(RankingSettings settings) {
            RankingSettings diversified = settings.withDiversify(diversify);
            return fusion == null ? diversified : diversified.withFusion(fusion);
        }
    }

    public static final List<Variant> VARIANTS = List.of(
            new Variant("vector", RankingMode.VECTOR, true, null),
            new Variant("bm25", RankingMode.BM25, true, null),
            new Variant("hybrid", RankingMode.HYBRID, true, null),
            new Variant("hybrid-no-mmr", RankingMode.HYBRID, false, null),
            new Variant("hybrid-rrf", RankingMode.HYBRID, true, new ReciprocalRankFusion(60)),
            new Variant("chargram", RankingMode.CHARGRAM, true, null));

    /**
     * @param relatedQueries  works whose related papers were scored
     * @param readers         simulated leave-one-out readers
     */
    public record Result(String variant, double precisionAt5, int relatedQueries, double hitRateAt10,
                         double ndcgAt10, int readers) {
    }

    /**
     * @param precisionAt5Ceiling the best precision@5 any ranking could reach, given the topics' sizes
     */
    public record Report(int papers, int works, int labelledWorks, int topics, double precisionAt5Ceiling,
                         List<String> unmatched, List<Result> results) {
    }

    private OfflineEvaluation() {
    }

    public static Report evaluate(List<PaperEvent> papers, LabelledTopics labels, RankingSettings settings) {
        TopicAssignment topics = new TopicAssignment(papers, labels);
        Map<String, PaperEvent> byId = new HashMap<>();
        papers.forEach(p -> byId.put(p.paperId(), p));
        Instant now = papers.stream().map(PaperEvent::updatedAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<Result> results = new ArrayList<>();
        try (PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS)) {
            index.upsert(papers);
            for (Variant variant : VARIANTS) {
                RankingSettings variantSettings = variant.applyTo(settings);
                results.add(evaluate(variant, new RelatedPapers(index, variantSettings),
                        new PersonalRanking(index, variantSettings, clock), topics, byId, now));
            }
        }
        Set<String> works = new LinkedHashSet<>();
        papers.forEach(p -> works.add(topics.workOf(p.paperId())));
        double ceiling = RankingMetrics.mean(relatedQueries(topics).stream()
                .map(work -> Math.min(RELATED_K, topics.relatedWorks(work).size()) / (double) RELATED_K).toList());
        return new Report(papers.size(), works.size(), topics.labelledWorks().size(),
                (int) topics.worksOfTopic().values().stream().filter(w -> !w.isEmpty()).count(), ceiling,
                topics.unmatched(), results);
    }

    private static Result evaluate(Variant variant, RelatedPapers related, PersonalRanking personal,
                                   TopicAssignment topics, Map<String, PaperEvent> papers, Instant now) {
        List<Double> precision = new ArrayList<>();
        for (String work : relatedQueries(topics)) {
            List<String> ranked = works(related.relatedTo(papers.get(work), RELATED_K, variant.mode()), topics);
            precision.add(RankingMetrics.precisionAt(RELATED_K, ranked, topics.relatedWorks(work)));
        }
        List<Double> hits = new ArrayList<>();
        List<Double> ndcg = new ArrayList<>();
        for (Set<String> members : topics.worksOfTopic().values()) {
            if (members.size() < 2) {
                continue;
            }
            for (String hidden : members) {
                List<PaperSignal> history = members.stream().filter(w -> !w.equals(hidden))
                        .map(w -> new PaperSignal(w, ReadingType.READ, 1.0, now)).toList();
                ReaderProfile reader = new ReaderProfile("simulated-" + hidden, history, List.of());
                List<String> ranked = works(personal.recommend(reader, Map.of(), Map::of, RECOMMEND_K, null,
                        variant.mode()), topics);
                hits.add(RankingMetrics.hitAt(RECOMMEND_K, ranked, Set.of(hidden)));
                ndcg.add(RankingMetrics.ndcgAt(RECOMMEND_K, ranked, Set.of(hidden)));
            }
        }
        return new Result(variant.name(), RankingMetrics.mean(precision), precision.size(),
                RankingMetrics.mean(hits), RankingMetrics.mean(ndcg), hits.size());
    }

    private static List<String> relatedQueries(TopicAssignment topics) {
        return topics.labelledWorks().stream().filter(work -> !topics.relatedWorks(work).isEmpty()).toList();
    }

    /** The distinct works of a ranked list, in order. */
    private static List<String> works(List<Recommendation> ranked, TopicAssignment topics) {
        return List.copyOf(new LinkedHashSet<>(ranked.stream()
                .map(r -> topics.workOf(r.paper().paperId())).toList()));
    }

    /**
     * Reads a JSON-lines dump of PaperEvents from a file or an http(s) URL; a URL is read with the admin token in
     * {@code RONBUN_TOKEN} when there is one ({@code ./ronbun eval recommend} mints it).
     */
    public static List<PaperEvent> readPapers(String source) {
        List<String> lines;
        try {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(source)).GET();
                String token = System.getenv("RONBUN_TOKEN");
                if (token != null && !token.isBlank()) {
                    request.header("Authorization", "Bearer " + token.strip());
                }
                HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + source + " answered " + response.statusCode());
                }
                lines = response.body().lines().toList();
            } else {
                lines = Files.readAllLines(Path.of(source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read papers from " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return lines.stream().filter(line -> !line.isBlank()).map(EventJson::readPaper).toList();
    }

    public static void main(String[] args) throws IOException {
        String papersSource = null;
        List<Path> topicFiles = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--papers" -> papersSource = args[++i];
                case "--topics" -> topicFiles.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --papers FILE|URL [--topics FILE]... [--out FILE]");
            }
        }
        if (papersSource == null) {
            throw new IllegalArgumentException("--papers FILE|URL is required (a dump of GET /api/admin/papers.jsonl)");
        }
        if (topicFiles.isEmpty()) {
            for (String candidate : List.of("samples/topics.json", "infra/eval/corpus-topics.json")) {
                if (Files.exists(Path.of(candidate))) {
                    topicFiles.add(Path.of(candidate));
                }
            }
        }
        Report report = evaluate(readPapers(papersSource), LabelledTopics.read(topicFiles), RankingSettings.DEFAULTS);
        System.out.printf("papers %d (works %d), labelled works matched %d in %d topics; labels %s%n",
                report.papers(), report.works(), report.labelledWorks(), report.topics(), topicFiles);
        System.out.printf("precision@5 ceiling (topic sizes) %.3f%n", report.precisionAt5Ceiling());
        System.out.printf("%-14s %12s %8s %12s %10s %8s%n", "variant", "precision@5", "queries", "hit-rate@10",
                "nDCG@10", "readers");
        for (Result r : report.results()) {
            System.out.printf("%-14s %12.3f %8d %12.3f %10.3f %8d%n", r.variant(), r.precisionAt5(),
                    r.relatedQueries(), r.hitRateAt10(), r.ndcgAt10(), r.readers());
        }
        if (!report.unmatched().isEmpty()) {
            System.out.println("labelled items not found among the papers: " + report.unmatched().size());
            report.unmatched().forEach(item -> System.out.println("  " + item));
        }
        if (out != null) {
            Files.writeString(out, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
    }
}
