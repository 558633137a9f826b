package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.tools.evaluation.Bootstrap.Estimate;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.ranking.OwnNeighbours;
import dev.ronbun.recommend.ranking.PersonalRanking;
import dev.ronbun.recommend.ranking.RankingMode;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.ReciprocalRankFusion;
import dev.ronbun.recommend.ranking.RelatedPapers;
import dev.ronbun.recommend.ranking.ScoreFusion;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Offline evaluation of related papers and personal recommendations against labelled relevance, runnable as a plain
 * {@code main}, with arxiv-sanity's recipes computed in the same run on the same papers as anchors. Papers come from a
 * JSON-lines dump of PaperEvents (recommend-service's {@code GET /api/admin/papers.jsonl}, as a file or that URL), so
 * the vectors and keywords are the real pipeline's.
 *
 * <ul>
 *   <li><b>related papers</b>: for each labelled work with another work in its topics, its ten related papers;
 *       precision@5, nDCG@10 and MRR@10 against the works sharing a topic with it.</li>
 *   <li><b>readers</b>: for each work of each topic with at least two works, a simulated reader has read the topic's
 *       other works; the hidden work is the one relevant answer among the ten recommendations: hit-rate@10, nDCG@10,
 *       MRR@10.</li>
 * </ul>
 * Every figure is a mean over queries (readers) with a 95 % percentile-bootstrap interval ({@link Bootstrap}). Rows:
 * the anchors ({@link ArxivSanityAnchor}: TF-IDF cosine for related papers, a per-reader linear SVM for readers,
 * reading the short summaries as arxiv-sanity reads abstracts, again reading the summaries' full text, and
 * arxiv-sanity-lite's own similar papers: an exemplar SVM with the one paper as positive),
 * vector-only, BM25-only and hybrid ranking (all diversified as served), hybrid without diversification and hybrid with
 * reciprocal-rank fusion. Each label set ({@link LabelSet}) is reported on its own, marked TUNE or REPORT.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp 'recommend-service/target/quarkus-app/app/*:recommend-service/target/quarkus-app/lib/main/*' \
 *     dev.ronbun.tools.evaluation.OfflineEvaluation --papers papers.jsonl|URL \
 *     [--topics infra/eval/labels/topics.json]... [--twins infra/eval/labels/twins.json] [--no-tags] [--out report.json]
 * </pre>
 */
public final class OfflineEvaluation {

    static final int RELATED_K = 5;
    static final int RECOMMEND_K = 10;
    static final int LIST_K = 10;
    /** Asked for beyond k, so that dropping the query's own records still leaves k. */
    private static final int SPARE = 5;
    public static final String ANCHOR = "arxiv-sanity";
    public static final String FULL_TEXT_ANCHOR = "arxiv-sanity-fulltext";
    /** arxiv-sanity-lite's own "similar papers": an SVM with the one paper as the only positive (exemplar SVM). */
    public static final String EXEMPLAR_ANCHOR = "arxiv-sanity-exemplar-svm";
    static final List<String> ANCHORS = List.of(ANCHOR, FULL_TEXT_ANCHOR, EXEMPLAR_ANCHOR);

    public static final Path DEFAULT_TOPICS = Path.of("infra/eval/labels/topics.json");
    public static final Path DEFAULT_TWINS = Path.of("infra/eval/labels/twins.json");

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

    /** A ranking under evaluation: related papers of a paper and recommendations for a reading history, as ids. */
    interface Ranker {

        String name();

        List<String> related(PaperEvent paper, int k);

        List<String> recommend(List<String> readPaperIds, int k);
    }

    /**
     * @param relatedQueries works whose related papers were scored
     * @param readers        simulated leave-one-out readers
     */
    public record Result(String variant, Estimate precisionAt5, Estimate relatedNdcgAt10, Estimate relatedMrr,
                         int relatedQueries, Estimate hitRateAt10, Estimate ndcgAt10, Estimate mrr, int readers) {
    }

    /**
     * A Ronbun variant against an anchor on the same queries: the ratio of precision@5 and of hit-rate@10, with
     * paired-bootstrap intervals. The issue's goal is a precision ratio of at least 1.2 and a hit-rate ratio of 1.
     */
    public record Comparison(String variant, String anchor, Estimate precisionRatio, Estimate hitRateRatio) {
    }

    /**
     * @param precisionAt5Ceiling the best precision@5 any ranking could reach, given the topics' sizes
     */
    public record SetReport(String labelSet, LabelSet.Role role, int labelledWorks, int topics,
                            double precisionAt5Ceiling, List<String> unmatched, List<Result> results,
                            List<Comparison> versusAnchor) {

        public Result result(String variant) {
            return results.stream().filter(r -> r.variant().equals(variant)).findFirst().orElseThrow();
        }
    }

    public record Report(int papers, int works, List<SetReport> sets) {
    }

    /** Scores of one ranker on one label set, query by query, in the same order for every ranker. */
    private record Scores(List<Double> precision, List<Double> relatedNdcg, List<Double> relatedMrr,
                          List<Double> hits, List<Double> ndcg, List<Double> mrr) {
    }

    private OfflineEvaluation() {
    }

    /** One label set, reported as such: the shape the older single-set evaluation had. */
    public static SetReport evaluate(List<PaperEvent> papers, LabelledTopics labels, RankingSettings settings) {
        return evaluate(papers, List.of(new LabelSet("labels", LabelSet.Role.REPORT, labels)), settings).sets().getFirst();
    }

    public static Report evaluate(List<PaperEvent> papers, List<LabelSet> labelSets, RankingSettings settings) {
        Map<String, PaperEvent> byId = new HashMap<>();
        papers.forEach(p -> byId.put(p.paperId(), p));
        Instant now = papers.stream().map(PaperEvent::updatedAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<SetReport> sets = new ArrayList<>();
        int works;
        try (PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS)) {
            new PaperIndexWriter(index).upsert(papers);
            List<Ranker> rankers = new ArrayList<>();
            ArxivSanityAnchor summaries = new ArxivSanityAnchor(papers, ArxivSanityAnchor.Reading.SUMMARIES);
            rankers.add(anchor(ANCHOR, summaries));
            rankers.add(anchor(FULL_TEXT_ANCHOR, new ArxivSanityAnchor(papers, ArxivSanityAnchor.Reading.FULL_TEXT)));
            rankers.add(exemplarAnchor(summaries));
            for (Variant variant : VARIANTS) {
                rankers.add(ronbun(variant, index, settings, clock, now));
            }
            TopicAssignment all = new TopicAssignment(papers, new LabelledTopics(List.of()));
            Set<String> allWorks = new LinkedHashSet<>();
            papers.forEach(p -> allWorks.add(all.workOf(p.paperId())));
            works = allWorks.size();
            for (LabelSet labelSet : labelSets) {
                sets.add(evaluate(labelSet, new TopicAssignment(papers, labelSet.labels()), rankers, byId));
            }
        }
        return new Report(papers.size(), works, sets);
    }

    private static SetReport evaluate(LabelSet labelSet, TopicAssignment topics, List<Ranker> rankers,
                                      Map<String, PaperEvent> papers) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (Ranker ranker : rankers) {
            scores.put(ranker.name(), score(ranker, topics, papers));
        }
        List<Result> results = new ArrayList<>();
        scores.forEach((name, s) -> results.add(new Result(name, Bootstrap.mean(s.precision()),
                Bootstrap.mean(s.relatedNdcg()), Bootstrap.mean(s.relatedMrr()), s.precision().size(),
                Bootstrap.mean(s.hits()), Bootstrap.mean(s.ndcg()), Bootstrap.mean(s.mrr()), s.hits().size())));
        List<Comparison> comparisons = new ArrayList<>();
        for (String anchorName : ANCHORS) {
            Scores anchor = scores.get(anchorName);
            scores.forEach((name, s) -> {
                if (!ANCHORS.contains(name)) {
                    comparisons.add(new Comparison(name, anchorName,
                            Bootstrap.pairedRatio(s.precision(), anchor.precision()),
                            Bootstrap.pairedRatio(s.hits(), anchor.hits())));
                }
            });
        }
        double ceiling = RankingMetrics.mean(relatedQueries(topics).stream()
                .map(work -> Math.min(RELATED_K, topics.relatedWorks(work).size()) / (double) RELATED_K).toList());
        return new SetReport(labelSet.name(), labelSet.role(), topics.labelledWorks().size(),
                (int) topics.worksOfTopic().values().stream().filter(w -> !w.isEmpty()).count(), ceiling,
                topics.unmatched(), results, comparisons);
    }

    private static Scores score(Ranker ranker, TopicAssignment topics, Map<String, PaperEvent> papers) {
        Scores s = new Scores(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (String work : relatedQueries(topics)) {
            List<String> ranked = works(ranker.related(papers.get(work), LIST_K + SPARE), topics, Set.of(work));
            Set<String> relevant = topics.relatedWorks(work);
            s.precision().add(RankingMetrics.precisionAt(RELATED_K, ranked, relevant));
            s.relatedNdcg().add(RankingMetrics.ndcgAt(LIST_K, ranked, relevant));
            s.relatedMrr().add(RankingMetrics.reciprocalRankAt(LIST_K, ranked, relevant));
        }
        for (Set<String> members : topics.worksOfTopic().values()) {
            if (members.size() < 2) {
                continue;
            }
            for (String hidden : members) {
                List<String> history = members.stream().filter(w -> !w.equals(hidden)).toList();
                List<String> ranked = works(ranker.recommend(history, RECOMMEND_K + SPARE), topics, Set.copyOf(history));
                s.hits().add(RankingMetrics.hitAt(RECOMMEND_K, ranked, Set.of(hidden)));
                s.ndcg().add(RankingMetrics.ndcgAt(RECOMMEND_K, ranked, Set.of(hidden)));
                s.mrr().add(RankingMetrics.reciprocalRankAt(RECOMMEND_K, ranked, Set.of(hidden)));
            }
        }
        return s;
    }

    private static Ranker anchor(String name, ArxivSanityAnchor anchor) {
        return new Ranker() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> related(PaperEvent paper, int k) {
                return anchor.related(paper.paperId(), k);
            }

            @Override
            public List<String> recommend(List<String> readPaperIds, int k) {
                return anchor.recommend(readPaperIds, k);
            }
        };
    }

    /** Related papers as arxiv-sanity-lite serves them ({@code svm_rank(pid=…)}); readers as the first anchor. */
    private static Ranker exemplarAnchor(ArxivSanityAnchor anchor) {
        return new Ranker() {
            @Override
            public String name() {
                return EXEMPLAR_ANCHOR;
            }

            @Override
            public List<String> related(PaperEvent paper, int k) {
                return anchor.recommend(List.of(paper.paperId()), k);
            }

            @Override
            public List<String> recommend(List<String> readPaperIds, int k) {
                return anchor.recommend(readPaperIds, k);
            }
        };
    }

    private static Ranker ronbun(Variant variant, PaperIndex index, RankingSettings settings, Clock clock,
                                 Instant now) {
        RankingSettings variantSettings = variant.applyTo(settings);
        PaperCandidates candidates = new PaperCandidates(index);
        // the index does not change during an evaluation: each paper's own closest papers are ranked once per variant
        RelatedPapers related = new RelatedPapers(candidates, variantSettings, OwnNeighbours.keptForGood());
        PersonalRanking personal = new PersonalRanking(candidates, variantSettings, clock);
        return new Ranker() {
            @Override
            public String name() {
                return variant.name();
            }

            @Override
            public List<String> related(PaperEvent paper, int k) {
                return related.relatedTo(paper, k, variant.mode()).stream().map(r -> r.paper().paperId()).toList();
            }

            @Override
            public List<String> recommend(List<String> readPaperIds, int k) {
                List<PaperSignal> history = readPaperIds.stream()
                        .map(id -> new PaperSignal(id, ReadingType.READ, 1.0, now)).toList();
                ReaderProfile reader = new ReaderProfile("simulated", history, List.of());
                return personal.recommend(reader, Map.of(), Map::of, k, null, variant.mode()).stream()
                        .map(r -> r.paper().paperId()).toList();
            }
        };
    }

    private static List<String> relatedQueries(TopicAssignment topics) {
        return topics.labelledWorks().stream().filter(work -> !topics.relatedWorks(work).isEmpty()).toList();
    }

    /**
     * The distinct works of a ranked list of paper ids, in order, without the query's own works: a second record of
     * the query paper or of a paper already read is neither a hit nor a miss here (merging such records is tested
     * where they are merged), the same for every ranker.
     */
    private static List<String> works(List<String> ranked, TopicAssignment topics, Set<String> own) {
        LinkedHashSet<String> works = new LinkedHashSet<>(ranked.stream().map(topics::workOf).toList());
        works.removeAll(own);
        return List.copyOf(works);
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

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(OfflineEvaluation.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "ronbun eval recommend", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "Related papers and readers against arxiv-sanity's recipes, per label set.")
    static int run(
            @Option(names = "--papers", required = true, paramLabel = "FILE|URL",
                    description = "a dump of GET /api/admin/papers.jsonl") String papersSource,
            @Option(names = "--topics", paramLabel = "FILE",
                    description = "labelled topics, repeatable (default: infra/eval/labels/topics.json)")
            List<Path> topicOptions,
            @Option(names = "--twins", paramLabel = "FILE",
                    description = "near twins (default: infra/eval/labels/twins.json)") Path twins,
            @Option(names = "--no-tags",
                    description = "without the papers' own tags and links as labels") boolean noTags,
            @Option(names = "--out", paramLabel = "FILE",
                    description = "the report as JSON too") Path out) throws IOException {
        List<Path> topicFiles = topicOptions == null ? new ArrayList<>() : new ArrayList<>(topicOptions);
        boolean tags = !noTags;
        if (topicFiles.isEmpty() && Files.exists(DEFAULT_TOPICS)) {
            topicFiles.add(DEFAULT_TOPICS);
        }
        if (twins == null && Files.exists(DEFAULT_TWINS)) {
            twins = DEFAULT_TWINS;
        }
        List<PaperEvent> papers = readPapers(papersSource);
        List<LabelSet> labelSets = new ArrayList<>();
        if (!topicFiles.isEmpty()) {
            labelSets.addAll(LabelSet.splitTopics("topics", LabelledTopics.read(topicFiles)));
        }
        if (tags) {
            labelSets.add(LabelSet.tagsAndLinks(papers));
        }
        if (twins != null) {
            labelSets.add(new LabelSet("twins", LabelSet.Role.REPORT, LabelledTopics.read(List.of(twins))));
        }
        Report report = evaluate(papers, labelSets, RankingSettings.DEFAULTS);
        System.out.print(ReportTable.render(report, papersSource, topicFiles, twins));
        if (out != null) {
            Files.writeString(out, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
        return 0;
    }
}
