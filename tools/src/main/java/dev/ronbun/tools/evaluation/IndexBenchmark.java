package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.tools.bench.LoadAverage;
import dev.ronbun.tools.bench.OwnProcess;
import dev.ronbun.tools.evaluation.PgvectorComparison.RecallQueries;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.UnitVectors;
import dev.ronbun.recommend.index.VectorCentre;
import dev.ronbun.recommend.ranking.OwnNeighbours;
import dev.ronbun.recommend.ranking.PersonalRanking;
import dev.ronbun.recommend.ranking.RankingMode;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.RelatedPapers;
import dev.ronbun.recommend.readers.PaperSignal;
import dev.ronbun.recommend.readers.ReaderProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed harness (not a test): builds an on-disk index of N synthetic papers (see {@link SyntheticPapers}) through the
 * service's own {@link PaperIndex}, then reports the build time, p50/p99 latency of related papers and of personal
 * recommendations, HNSW recall@10 against exact brute force, and the process's resident memory.
 *
 * <pre>
 * java -Xmx4g --add-modules jdk.incubator.vector -cp 'recommend-service/target/quarkus-app/app/*:recommend-service/target/quarkus-app/lib/main/*' \
 *     dev.ronbun.tools.evaluation.IndexBenchmark --papers 100000 [--dimension 512] [--clusters N/500]
 *     [--quantized] [--queries 500] [--warmup 1000] [--recall-queries 200] [--batch 10000] [--ram-buffer-mb 512]
 *     [--segments 1] [--hnsw-search-width 200] [--cone 0] [--dir DIR] [--keep] [--reuse] [--pgvector JDBC_URL]
 * </pre>
 * {@code --cone 0.82} makes the vectors anisotropic as the bundled model's are (see {@link SyntheticPapers}), which
 * the index then centres (see {@link VectorCentre}); a reused index must have been built with the same cone.
 * After the build the index is merged into {@code --segments} segments (default 1, 0 skips it), as the service does
 * after a full replay; with {@code --reuse}, a kept index of more segments is merged first.
 * Recall is measured twice, each time keeping the best 10: asking for 10 hits and asking for the service's candidate
 * count (100), as related papers and recommendations do; either search explores at least
 * {@code --hnsw-search-width} candidates per segment. With
 * {@code --dir DIR --keep} the index stays; {@code --reuse} then measures it again without rebuilding.
 * With {@code --pgvector jdbc:postgresql://127.0.0.1:25433/postgres?user=postgres} the same vectors also go into
 * pgvector's HNSW on that server, measured on the recall queries beside Lucene (see {@link PgvectorComparison}); it
 * drops and recreates the table {@code ronbun_bench_vectors} there.
 */
public final class IndexBenchmark {

    private IndexBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(IndexBenchmark.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "ronbun bench recommend", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "Index build time, latency and HNSW recall on synthetic papers.")
    static int run(
            @Option(names = "--papers", defaultValue = "100000", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int papers,
            @Option(names = "--dimension", defaultValue = "512", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int dimension,
            @Option(names = "--clusters", paramLabel = "N",
                    description = "default: papers / 500, at least 10") Integer clusters,
            @Option(names = "--quantized", description = "int8-quantised vectors") boolean quantized,
            @Option(names = "--queries", defaultValue = "500", paramLabel = "N",
                    description = "timed calls per measure (default: ${DEFAULT-VALUE})") int queries,
            @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
                    description = "untimed calls first (default: ${DEFAULT-VALUE})") int warmup,
            @Option(names = "--recall-queries", defaultValue = "200", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int recallQueries,
            @Option(names = "--batch", defaultValue = "10000", paramLabel = "N",
                    description = "papers per commit (default: ${DEFAULT-VALUE})") int batch,
            @Option(names = "--ram-buffer-mb", defaultValue = "512", paramLabel = "MB",
                    description = "default: ${DEFAULT-VALUE}") int ramBufferMb,
            @Option(names = "--segments", defaultValue = "1", paramLabel = "N",
                    description = "merge down to N segments (default: ${DEFAULT-VALUE})") int segments,
            @Option(names = "--hnsw-search-width", paramLabel = "N",
                    description = "default: the index setting's") Integer hnswSearchWidth,
            @Option(names = "--dir", paramLabel = "DIR",
                    description = "the index folder (default: a temporary one)") Path dir,
            @Option(names = "--keep", description = "keep the index folder") boolean keep,
            @Option(names = "--reuse", description = "search the index already in --dir") boolean reuse,
            @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") long seed,
            @Option(names = "--pgvector", paramLabel = "JDBC_URL",
                    description = "also measure pgvector on this database") String pgvector,
            @Option(names = "--cone", defaultValue = "0", paramLabel = "C",
                    description = "how tightly clusters gather (default: ${DEFAULT-VALUE})") double cone)
            throws Exception {
        int searchWidth = hnswSearchWidth == null ? IndexSettings.DEFAULTS.hnswSearchWidth() : hnswSearchWidth;
        int clusterCount = clusters == null ? Math.max(10, papers / 500) : clusters;
        Path folder = dir == null ? Files.createTempDirectory("ronbun-index-benchmark") : dir;
        SyntheticPapers synthetic = new SyntheticPapers(seed, dimension, clusterCount, cone);
        IndexSettings settings = IndexSettings.DEFAULTS.withQuantizedVectors(quantized).withRamBufferMb(ramBufferMb)
                .withHnswSearchWidth(searchWidth);
        System.out.printf("papers %d, dimension %d, clusters %d, vectors %s%s, cpus %d, max heap %d MiB, index %s, "
                        + "%d timed calls per measure after %d untimed%n", papers, dimension, clusterCount,
                quantized ? "int8 scalar-quantised HNSW" : "float32 HNSW",
                cone == 0 ? "" : String.format(" in a cone of mean cosine %.2f", cone),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, folder, queries, warmup);

        try {
            build(folder, settings, synthetic, papers, batch, reuse, segments);
            // measured on the index reopened, as a restarted service would serve it
            try (PaperIndex index = PaperIndex.open(folder, settings)) {
                RecallQueries recall = measure(index, synthetic, papers, clusterCount, queries, warmup, recallQueries,
                        seed);
                if (pgvector != null) {
                    VectorCentre centre = new PaperIndexReader(index).centre();
                    PaperCandidates candidates = new PaperCandidates(index);
                    new PgvectorComparison(pgvector, i -> centre.centred(synthetic.vector(i)), papers, dimension)
                            .run(recall,
                            (query, k) -> candidates.nearest(query, k, null, Set.of()));
                }
            }
        } finally {
            if (!keep) {
                FileUtils.deleteDirectory(folder.toFile());
            }
        }
        return 0;
    }

    private static void merge(PaperIndex index, int segments) {
        PaperIndexReader reader = new PaperIndexReader(index);
        int before = reader.segments();
        long start = System.nanoTime();
        new PaperIndexWriter(index).compact(segments);
        System.out.printf("merge: %d segments into %d in %.1f s%n", before, reader.segments(), seconds(start));
    }

    private static void build(Path folder, IndexSettings settings, SyntheticPapers synthetic, int papers, int batch,
                              boolean reuse, int segments) throws IOException {
        try (PaperIndex index = PaperIndex.open(folder, settings)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            PaperIndexReader reader = new PaperIndexReader(index);
            if (reuse && reader.size() == papers) {
                System.out.printf("reusing the index in %s: %d segments%n", folder, reader.segments());
                if (segments > 0 && reader.segments() > segments) {
                    merge(index, segments);
                }
                return;
            }
            long start = System.nanoTime();
            for (int from = 0; from < papers; from += batch) {
                List<PaperEvent> chunk = new ArrayList<>(batch);
                for (int i = from; i < Math.min(papers, from + batch); i++) {
                    chunk.add(synthetic.paper(i));
                }
                writer.upsert(chunk);
                if ((from / batch) % 10 == 9) {
                    System.out.printf("  indexed %d in %.0f s%n", from + chunk.size(), seconds(start));
                }
            }
            writer.awaitMerges();
            writer.markComplete();
            if (segments > 0) {
                // as the service does after a full replay (ronbun.recommend.index.segments-after-replay)
                merge(index, segments);
            }
            double buildSeconds = seconds(start);
            System.out.printf("build: %.1f s (%.0f papers/s, merges included), %.0f CPU-s of this process so far, "
                    + "%d segments, %.0f MiB on disk, load average %s%n", buildSeconds, papers / buildSeconds,
                    OwnProcess.cpuSeconds(), reader.segments(), sizeOf(folder) / 1048576.0, LoadAverage.now());
        }
    }

    private static RecallQueries measure(PaperIndex index, SyntheticPapers synthetic, int papers, int clusters,
                                         int queries, int warmup, int recallQueries, long seed)
            throws IOException {
        RankingSettings ranking = RankingSettings.DEFAULTS;
        PaperCandidates candidates = new PaperCandidates(index);
        RelatedPapers related = new RelatedPapers(candidates, ranking);
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        PersonalRanking personal = new PersonalRanking(candidates, ranking, clock);
        SplittableRandom random = new SplittableRandom(seed + 1);

        report("related (hybrid, k=10)", time(warmup, queries, random, r -> related.relatedTo(
                SyntheticPapers.idOf(r.nextInt(papers)), 10).orElseThrow()));
        // the mutual-neighbour bonus ranks the 20 best candidates' own neighbours: what that costs when none are kept
        // (above), when the service's cache holds them, and without the bonus
        RelatedPapers keeping = new RelatedPapers(candidates, ranking, OwnNeighbours.keptForGood());
        report("related (hybrid, k=10, own neighbours kept)", time(warmup, queries, random, r -> keeping.relatedTo(
                SyntheticPapers.idOf(r.nextInt(papers)), 10).orElseThrow()));
        RelatedPapers withoutMutual = new RelatedPapers(candidates, ranking.withMutual(RankingSettings.Mutual.OFF));
        report("related (hybrid, k=10, no mutual bonus)", time(warmup, queries, random, r -> withoutMutual.relatedTo(
                SyntheticPapers.idOf(r.nextInt(papers)), 10).orElseThrow()));
        report("recommendations (hybrid, 20-paper history over 3 interests, k=10)", time(warmup, queries, random,
                r -> personal.recommend(reader(r, papers, clusters, clock.instant()), Map.of(), Map::of, 10, null,
                        RankingMode.HYBRID)));
        VectorCentre centre = candidates.centre();
        report("kNN alone (k=10)", time(warmup, queries, random, r -> candidates.nearest(
                centre.centred(synthetic.queryNear(r.nextInt(clusters), r.nextLong())), 10, null, Set.of())));

        System.out.printf("memory: VmHWM %d MiB (peak, build included), VmRSS now %d MiB (RssAnon %d MiB, "
                        + "RssFile %d MiB), heap used %d MiB%n", OwnProcess.statusMib("VmHWM"),
                OwnProcess.statusMib("VmRSS"), OwnProcess.statusMib("RssAnon"), OwnProcess.statusMib("RssFile"),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        RecallQueries recall = recall(index, synthetic, papers, clusters, recallQueries, seed);
        System.out.printf("load average at the end %s%n", LoadAverage.now());
        return recall;
    }

    /** A reader who read 20 papers: 10, 6 and 4 from three random clusters. */
    private static ReaderProfile reader(SplittableRandom random, int papers, int clusters, Instant now) {
        List<PaperSignal> signals = new ArrayList<>();
        int perCluster = Math.max(1, papers / clusters);
        for (int count : new int[] {10, 6, 4}) {
            int cluster = random.nextInt(clusters);
            for (int j = 0; j < count; j++) {
                int paper = cluster + clusters * random.nextInt(perCluster);
                if (paper < papers) {
                    signals.add(new PaperSignal(SyntheticPapers.idOf(paper), ReadingType.READ, 1.0,
                            now.minusSeconds(3600L * j)));
                }
            }
        }
        return new ReaderProfile("benchmark", signals, List.of());
    }

    /**
     * Recall of the HNSW graph against exact search in the space it is built and searched in and rankings compare in,
     * the vectors centred on the index's mean (see {@link VectorCentre}): with k=10, of the 10 hits; with the service's
     * candidate count, whether the true 10 are among the candidates.
     */
    private static RecallQueries recall(PaperIndex index, SyntheticPapers synthetic, int papers, int clusters,
                                        int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 2);
        PaperCandidates candidates = new PaperCandidates(index);
        VectorCentre centre = candidates.centre();
        float[][] queries = new float[count][];
        for (int q = 0; q < count; q++) {
            queries[q] = centre.centred(synthetic.queryNear(random.nextInt(clusters), random.nextLong()));
        }
        long start = System.nanoTime();
        List<PriorityQueue<float[]>> exact = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            exact.add(new PriorityQueue<>(Comparator.comparingDouble(e -> e[0])));
        }
        for (int i = 0; i < papers; i++) {
            float[] vector = centre.centred(synthetic.vector(i));
            for (int q = 0; q < count; q++) {
                PriorityQueue<float[]> best = exact.get(q);
                float similarity = UnitVectors.similarity(queries[q], vector);
                if (best.size() < 10) {
                    best.add(new float[] {similarity, i});
                } else if (similarity > best.peek()[0]) {
                    best.poll();
                    best.add(new float[] {similarity, i});
                }
            }
        }
        double bruteSeconds = seconds(start);
        List<Set<Integer>> exactTop10 = new ArrayList<>();
        double recallAt10 = 0;
        double recallWithCandidates = 0;
        for (int q = 0; q < count; q++) {
            Set<Integer> top10 = new HashSet<>();
            exact.get(q).forEach(e -> top10.add((int) e[1]));
            exactTop10.add(top10);
            Set<String> truth = new HashSet<>();
            top10.forEach(paper -> truth.add(SyntheticPapers.idOf(paper)));
            recallAt10 += overlap(candidates.nearest(queries[q], 10, null, Set.of()), truth);
            recallWithCandidates += overlap(candidates.nearest(queries[q], RankingSettings.DEFAULTS.candidates(), null,
                    Set.of()), truth);
        }
        System.out.printf("HNSW recall@10 vs brute force over %d queries: %.4f (k=10), %.4f (true 10 among k=%d), "
                + "each exploring at least %d candidates per segment; brute force took %.1f s%n", count,
                recallAt10 / count, recallWithCandidates / count, RankingSettings.DEFAULTS.candidates(),
                index.settings().hnswSearchWidth(), bruteSeconds);
        return new RecallQueries(queries, exactTop10);
    }

    /** The share of the true 10 nearest that were found. */
    private static double overlap(List<ScoredPaper> found, Set<String> truth) {
        return found.stream().filter(hit -> truth.contains(hit.paperId())).count() / (double) truth.size();
    }

    /**
     * Wall and CPU time of each call. The CPU time of this process (all threads: a call runs some searches on other
     * threads) is what a call costs whatever else the machine runs; wall time also counts waiting for a core, so
     * both are reported.
     */
    /**
     * Times {@code count} calls after {@code warmup} untimed ones: a service answers from code the JIT has compiled,
     * and on two cores the compiler threads of the first few hundred calls would otherwise be counted.
     */
    private static Timings time(int warmup, int count, SplittableRandom random,
                                java.util.function.Consumer<SplittableRandom> call) {
        for (int i = 0; i < warmup; i++) {
            call.accept(random);
        }
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] wall = new long[count];
        long[] cpu = new long[count];
        for (int i = 0; i < count; i++) {
            long startCpu = process.getProcessCpuTime();
            long start = System.nanoTime();
            call.accept(random);
            wall[i] = System.nanoTime() - start;
            cpu[i] = process.getProcessCpuTime() - startCpu;
        }
        return new Timings(wall, cpu);
    }

    private record Timings(long[] wall, long[] cpu) {
    }

    private static void report(String what, Timings timings) {
        long[] wall = timings.wall().clone();
        long[] cpu = timings.cpu().clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // the CPU clock ticks in 10 ms steps, so its percentiles are coarse; the mean over all calls is not
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, mean %.2f ms over %d calls; CPU per call p50 %.2f ms, "
                        + "p99 %.2f ms, mean %.2f ms%n", what, percentile(wall, 0.50) / 1e6,
                percentile(wall, 0.99) / 1e6, Arrays.stream(wall).average().orElse(0) / 1e6, wall.length,
                percentile(cpu, 0.50) / 1e6, percentile(cpu, 0.99) / 1e6, Arrays.stream(cpu).average().orElse(0) / 1e6);
    }

    static long percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.floor(fraction * (sorted.length - 1))];
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
