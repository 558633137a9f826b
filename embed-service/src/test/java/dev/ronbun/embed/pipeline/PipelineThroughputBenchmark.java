package dev.ronbun.embed.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.embedding.BundledModel;
import dev.ronbun.embed.embedding.ChunkWeights;
import dev.ronbun.embed.embedding.EmbedderSettings;
import dev.ronbun.embed.embedding.ModelFolder;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.infra.kafka.InJvmKafka;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.services.ServiceWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.util.VectorUtil;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end throughput of embed-service as {@code ./ronbun up} runs it, against transformers.js pipelines doing the
 * same job ({@code ./ronbun bench pipeline}). The packaged service runs as its own process (launched by the local
 * stack's {@link ServiceLauncher}) with a real Kafka and a real PostgreSQL. Each round sends N summaries of the real
 * mix (paragraphs of {@code samples/} and {@code ../shared/corpus}: 40 % one paragraph, 40 % three, 20 % ten; a
 * quarter of them second summaries of a paper sent earlier in the round) to {@code ronbun.summaries.v1} at once and
 * measures until every summary is in a paper on {@code ronbun.papers.v1}. Each round starts with an empty passage
 * cache, so what the cache saves is what the mix itself repeats (second summaries' titles, paragraphs drawn twice).
 * After each Ronbun round the same summaries, cut into the same passages with the same weights, go through
 * <ul>
 *   <li>{@link PipelineReference}, the like-for-like reference: a transformers.js service with kafkajs and
 *   node-postgres on the same broker and database server, timed the same way (the anchor, the last line);</li>
 *   <li>{@link EmbeddingReference}: transformers.js embedding alone, no Kafka and no database (an upper bound).</li>
 * </ul>
 *
 * <p>It prints, per round, summaries per second of each, the service's CPU time, the time and CPU time spent in the
 * model and the consumer threads' CPU time per step (check, embed, keywords, store, publish), the cache hit ratio,
 * the cosine of Ronbun's stored vectors to the same summaries embedded passage by passage alone in this JVM (must be
 * at least 0.9999) and to the references'; then what PostgreSQL did for each pipeline over the run
 * ({@link DatabaseWork}: transactions, rows read and backend CPU a summary), the medians, peak RSS, and as its last line
 * {@code ratio <Ronbun / like-for-like transformers.js>}. Without transformers.js (no node, or no install under
 * {@code ronbun.benchmark.node-modules}) it says so and prints Ronbun's figures alone.
 *
 * <p>Not part of {@code mvn verify} (tag {@code benchmark}); it needs the packaged service. From the repository root:
 * <pre>
 * mvn -B -o -pl embed-service package -DskipTests surefire:test@benchmark [-Dronbun.benchmark.summaries=120]
 *     [-Dronbun.benchmark.rounds=3] [-Dronbun.benchmark.warmup=300] [-Dronbun.benchmark.jvm-options="-Xmx512m"]
 *     [-Dronbun.benchmark.node-modules=/path/to/node_modules] [-Dronbun.benchmark.reference-threads=2]
 *     [-Dronbun.benchmark.reference-concurrency=1]
 * </pre>
 * The result is printed and written to {@code embed-service/target/benchmark/pipeline-throughput.txt}.
 */
@Tag("benchmark")
class PipelineThroughputBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Time spent in the model, as the embedding metrics report it. */
    private static final String MODEL_SECONDS = "ronbun_embed_model_seconds_total";
    private static final String MODEL_CPU_SECONDS = "ronbun_embed_model_cpu_seconds_total";
    /** CPU seconds of the consumer threads per step of a summary, tagged {@code step}. */
    private static final String STEP_CPU_SECONDS = "ronbun_embed_summary_cpu_seconds_total";
    private static final String STEP_SECONDS = "ronbun_embed_summary_seconds_total";
    private static final List<String> STEPS = List.of("check", "embed", "keywords", "store", "publish");
    private static final String CACHE_HITS = "ronbun_embed_passages_cache_hits_total";
    private static final String CACHE_MISSES = "ronbun_embed_passages_cache_misses_total";
    private static final int CHECKED_PER_ROUND = 12;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void summariesFlowFromTheSummariesTopicIntoPostgresqlAndOutOnThePapersTopic() throws Exception {
        int count = Integer.getInteger("ronbun.benchmark.summaries", 120);
        int rounds = Integer.getInteger("ronbun.benchmark.rounds", 3);
        int warmup = Integer.getInteger("ronbun.benchmark.warmup", 300);
        int referenceThreads = Integer.getInteger("ronbun.benchmark.reference-threads",
                Runtime.getRuntime().availableProcessors());
        int referenceConcurrency = Integer.getInteger("ronbun.benchmark.reference-concurrency", 1);
        List<String> jvmOptions = Arrays.stream(System.getProperty("ronbun.benchmark.jvm-options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = root.resolve("embed-service/target/benchmark");
        Files.createDirectories(work);
        assertThat(RonbunService.EMBED.runnableJar(root)).as("the packaged service (mvn package first)").isRegularFile();
        ModelFolder bundled = BundledModel.materialise(BundledModel.defaultCacheRoot());
        TransformersJs install = TransformersJs.find(root, bundled.directory());
        EmbeddingReference embeddingOnly = install.available() ? new EmbeddingReference(install, work, referenceThreads)
                : null;
        List<String> lines = new ArrayList<>();
        Consumer<String> out = line -> {
            System.out.println(line);
            lines.add(line);
        };
        out.accept(install.available() ? "embedding-only reference: " + embeddingOnly.describe()
                : "reference: transformers.js not available (" + install.missing() + "); Ronbun's figures alone");

        String run = UUID.randomUUID().toString().substring(0, 8);
        RealMix mix = RealMix.from(List.of(root.resolve("samples"), root.getParent().resolve("shared/corpus")));
        out.accept("mix: " + mix.size() + " paragraphs from samples/ and ../shared/corpus");
        try (LocalPostgres postgres = LocalPostgres.throwaway(); InJvmKafka kafka = InJvmKafka.start();
             TextEmbedder alone = new TextEmbedder(bundled, new EmbedderSettings(1, 1, 512))) {
            PaperVectorizer single = new PaperVectorizer(alone, ChunkWeights.defaults());
            TopicProvisioner.forSingleBroker(kafka.bootstrapServers()).provisionAll();
            Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
            for (RonbunService service : RonbunService.values()) {
                ports.put(service, freePort());
            }
            postgres.server().createDatabaseIfMissing(RonbunService.EMBED.database());
            ServiceWiring wiring = new ServiceWiring(kafka.bootstrapServers(), postgres.server(), ports,
                    work.resolve("recommend-index"), work.resolve("inbox"),
                    SigningKeys.loadOrCreate(work.resolve("keys")).publicKeyFile());
            ChildProcess service = new ServiceLauncher(root, work.resolve("logs"), work.resolve("run"), jvmOptions)
                    .launch(RonbunService.EMBED, wiring);
            String pipelineMissing = install.pipelineMissing();
            PipelineReference pipeline = pipelineMissing == null ? PipelineReference.start(install, work,
                    kafka.bootstrapServers(), postgres.server(), referenceThreads, referenceConcurrency) : null;
            out.accept(pipeline != null ? "like-for-like reference: " + pipeline.describe()
                    : "like-for-like reference: not available (" + pipelineMissing + ")");
            try (SummariesArrival papers = new SummariesArrival(kafka.bootstrapServers(), Topics.PAPERS.name(),
                    paper -> EventJson.readPaper(paper).summaries().stream().map(s -> s.summaryId()).toList());
                 KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                new ReadinessProbe().awaitReady(service, ReadinessProbe.readinessOf(wiring.baseUrl(RonbunService.EMBED)),
                        READY_TIMEOUT);
                List<SummaryEvent> warm = mix.summaries(run + "-w", warmup, new Random(7));
                send(producer, warm, papers);
                papers.await(warm, service);
                if (pipeline != null) {
                    pipeline.run(warm, single, producer);
                }
                String metricsUrl = wiring.baseUrl(RonbunService.EMBED) + "/q/metrics";

                Figures ronbun = new Figures();
                Figures embedding = new Figures();
                Figures likeForLike = new Figures();
                double worstAlone = 1;
                long embeddingPeak = 0;
                for (int round = 1; round <= rounds; round++) {
                    List<SummaryEvent> timed = mix.summaries(run + "-" + round, count, new Random(42 + round));
                    emptyPassageCache(postgres);
                    double modelBefore = metric(metricsUrl, MODEL_SECONDS);
                    double modelCpuBefore = metric(metricsUrl, MODEL_CPU_SECONDS);
                    Map<String, Double> stepsBefore = steps(metricsUrl, STEP_CPU_SECONDS);
                    Map<String, Double> elapsedBefore = steps(metricsUrl, STEP_SECONDS);
                    double hitsBefore = metric(metricsUrl, CACHE_HITS);
                    double missesBefore = metric(metricsUrl, CACHE_MISSES);
                    double cpuBefore = ProcessStats.cpuSeconds(service.pid());
                    long start = System.nanoTime();
                    send(producer, timed, papers);
                    long end = papers.await(timed, service);
                    double cpu = ProcessStats.cpuSeconds(service.pid()) - cpuBefore;
                    double model = metric(metricsUrl, MODEL_SECONDS) - modelBefore;
                    double modelCpu = metric(metricsUrl, MODEL_CPU_SECONDS) - modelCpuBefore;
                    String steps = stepsSince(stepsBefore, steps(metricsUrl, STEP_CPU_SECONDS));
                    String elapsedSteps = stepsSince(elapsedBefore, steps(metricsUrl, STEP_SECONDS));
                    double hits = metric(metricsUrl, CACHE_HITS) - hitsBefore;
                    double misses = metric(metricsUrl, CACHE_MISSES) - missesBefore;
                    double seconds = (end - start) / 1e9;
                    double rate = timed.size() / seconds;
                    ronbun.add(rate, timed.size() / cpu);
                    Map<String, float[]> stored = storedVectors(postgres, timed);
                    assertThat(stored).as("summaries of this round in PostgreSQL").hasSize(timed.size());
                    double cosAlone = 1;
                    for (SummaryEvent summary : timed.subList(0, Math.min(CHECKED_PER_ROUND, timed.size()))) {
                        cosAlone = Math.min(cosAlone, VectorUtil.cosine(stored.get(summary.summaryId()),
                                single.vectorize(PaperText.of(summary)).vector()));
                    }
                    worstAlone = Math.min(worstAlone, cosAlone);
                    List<Long> latencies = timed.stream().map(papers::latencyMillis).sorted().toList();
                    out.accept(String.format(Locale.ROOT, "round %d ronbun summaries %d (%d second summaries) "
                                    + "wall_s %.1f summaries_per_s %.2f latency_ms p50 %d p95 %d service_cpu_s %.1f "
                                    + "summaries_per_cpu_s %.2f "
                                    + "model_s %.1f model_cpu_s %.1f consumer_cpu_s [%s] consumer_s [%s] "
                                    + "cache_hit_ratio %.2f cos_vs_single_passage_min %.6f loadavg %s",
                            round, timed.size(), timed.stream().filter(s -> s.documentName().startsWith("second")).count(),
                            seconds, rate, percentile(latencies, 0.50), percentile(latencies, 0.95), cpu,
                            timed.size() / cpu, model, modelCpu, steps, elapsedSteps,
                            hits + misses == 0 ? 0 : hits / (hits + misses), cosAlone, loadAverage()));
                    if (pipeline != null) {
                        PipelineReference.Result result = pipeline.run(timed, single, producer);
                        likeForLike.add(result.summariesPerSecond(), timed.size() / result.cpuSeconds());
                        double cosine = likeForLike.cosine(stored, result.vectors(), timed);
                        out.accept(String.format(Locale.ROOT, "round %d like-for-like transformers.js summaries_per_s "
                                        + "%.2f cpu_s %.1f summaries_per_cpu_s %.2f cos_vs_ronbun_min %.6f ratio %.2f",
                                round, result.summariesPerSecond(), result.cpuSeconds(),
                                timed.size() / result.cpuSeconds(), cosine,
                                rate / result.summariesPerSecond()));
                    }
                    if (embeddingOnly != null) {
                        EmbeddingReference.Result result = embeddingOnly.run(timed, single, round);
                        embedding.add(result.summariesPerSecond(), result.summariesPerCpuSecond());
                        double cosine = embedding.cosine(stored, result.vectors(), timed);
                        embeddingPeak = Math.max(embeddingPeak, result.peakRssMib());
                        out.accept(String.format(Locale.ROOT, "round %d embedding-only transformers.js %s "
                                + "cos_vs_ronbun_min %.6f ratio %.2f", round, result.line(), cosine,
                                rate / result.summariesPerSecond()));
                    }
                }
                // Over the whole run, warm-up included: both pipelines handled the same summaries.
                int handled = warmup + rounds * count;
                String ownDatabase = RonbunService.EMBED.database();
                double ownBackends = DatabaseWork.backendCpuSeconds(postgres.server(), ownDatabase);
                double referenceBackends = pipeline == null ? 0
                        : DatabaseWork.backendCpuSeconds(postgres.server(), PipelineReference.DATABASE);
                Thread.sleep(DatabaseWork.STATISTICS_DELAY);
                out.accept(DatabaseWork.of(postgres.server(), ownDatabase, ownBackends).perSummary(handled));
                if (pipeline != null) {
                    out.accept(DatabaseWork.of(postgres.server(), PipelineReference.DATABASE, referenceBackends)
                            .perSummary(handled));
                }
                out.accept(String.format(Locale.ROOT, "ronbun summaries_per_s median %.2f runs %s service_peak_rss_mib "
                                + "%d (start-up included) cpus %d jvm_options [%s]",
                        ronbun.median(), format(ronbun.rates), ProcessStats.memoryMib(service.pid(), "VmHWM"),
                        Runtime.getRuntime().availableProcessors(), String.join(" ", jvmOptions)));
                out.accept(String.format(Locale.ROOT, "cosine to single-passage embedding: min %.6f (%d summaries a "
                        + "round, each passage embedded alone in this JVM)", worstAlone, CHECKED_PER_ROUND));
                if (embeddingOnly != null) {
                    out.accept(String.format(Locale.ROOT, "embedding-only transformers.js summaries_per_s median %.2f "
                                    + "runs %s peak_rss_mib %d; cosine to Ronbun min %.6f; ratio (Ronbun / it) %.2f, "
                                    + "per round %s; per CPU second %s",
                            embedding.median(), format(embedding.rates), embeddingPeak, embedding.worstCosine,
                            ronbun.median() / embedding.median(), format(ronbun.ratiosTo(embedding)),
                            format(ronbun.cpuRatiosTo(embedding))));
                }
                if (pipeline != null) {
                    out.accept(String.format(Locale.ROOT, "like-for-like transformers.js summaries_per_s median %.2f "
                                    + "runs %s peak_rss_mib %d (start-up included); cosine to Ronbun min %.6f; "
                                    + "ratios per round %s; per CPU second %s",
                            likeForLike.median(), format(likeForLike.rates), pipeline.peakRssMib(),
                            likeForLike.worstCosine, format(ronbun.ratiosTo(likeForLike)),
                            format(ronbun.cpuRatiosTo(likeForLike))));
                    out.accept(String.format(Locale.ROOT, "ratio %.2f", ronbun.median() / likeForLike.median()));
                } else if (embeddingOnly != null) {
                    out.accept(String.format(Locale.ROOT, "ratio %.2f (against the embedding-only reference)",
                            ronbun.median() / embedding.median()));
                }
                Files.writeString(work.resolve("pipeline-throughput.txt"), String.join("\n", lines) + "\n");
                assertThat(worstAlone).as("vectors equal single-passage embedding").isGreaterThanOrEqualTo(0.9999);
            } finally {
                if (pipeline != null) {
                    pipeline.close();
                }
                service.stop(Duration.ofSeconds(30));
            }
        }
    }

    /** Summaries per second and per CPU second of one pipeline, round by round, and its worst cosine to Ronbun. */
    private static final class Figures {
        final List<Double> rates = new ArrayList<>();
        final List<Double> perCpu = new ArrayList<>();
        double worstCosine = 1;

        void add(double rate, double ratePerCpu) {
            rates.add(rate);
            perCpu.add(ratePerCpu);
        }

        /** The round's lowest cosine between the two pipelines' vectors of the same summary; kept for the run too. */
        double cosine(Map<String, float[]> ronbun, Map<String, float[]> theirs, List<SummaryEvent> summaries) {
            double round = 1;
            for (SummaryEvent summary : summaries) {
                round = Math.min(round, VectorUtil.cosine(ronbun.get(summary.summaryId()),
                        theirs.get(summary.summaryId())));
            }
            worstCosine = Math.min(worstCosine, round);
            return round;
        }

        double median() {
            return PipelineThroughputBenchmark.median(rates);
        }

        List<Double> ratiosTo(Figures other) {
            return IntStream.range(0, rates.size()).mapToObj(i -> rates.get(i) / other.rates.get(i)).toList();
        }

        List<Double> cpuRatiosTo(Figures other) {
            return IntStream.range(0, perCpu.size()).mapToObj(i -> perCpu.get(i) / other.perCpu.get(i)).toList();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString().replace(" ", "");
    }

    /** Rounds are independent: each starts with no cached passages. */
    private static void emptyPassageCache(LocalPostgres postgres) throws Exception {
        try (Connection connection = postgres.server().connect(RonbunService.EMBED.database());
             PreparedStatement statement = connection.prepareStatement("delete from passage_vectors")) {
            statement.executeUpdate();
        }
    }

    private static void send(KafkaProducer<String, String> producer, List<SummaryEvent> summaries, SummariesArrival papers) {
        for (SummaryEvent summary : summaries) {
            papers.sent(summary);
            producer.send(new ProducerRecord<>(Topics.SUMMARIES.name(), summary.paperKey(), EventJson.write(summary)));
        }
        producer.flush();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** A Prometheus sample of the service, such as the total seconds spent embedding summaries. */
    private static double metric(String metricsUrl, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String stepsSince(Map<String, Double> before, Map<String, Double> after) {
        return STEPS.stream().map(step -> String.format(Locale.ROOT, "%s %.1f", step, after.get(step) - before.get(step)))
                .collect(Collectors.joining(" "));
    }

    /** The consumer threads' CPU or elapsed seconds so far (the counter named), per step of processing a summary. */
    private static Map<String, Double> steps(String metricsUrl, String counter) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Double> seconds = new HashMap<>();
        STEPS.forEach(step -> seconds.put(step, 0.0));
        response.body().lines().filter(line -> line.startsWith(counter + "{")).forEach(line -> {
            for (String step : STEPS) {
                if (line.contains("step=\"" + step + "\"")) {
                    seconds.merge(step, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        });
        return seconds;
    }

    /** The vectors stored for the summaries under the service's model version, by summary id. */
    private static Map<String, float[]> storedVectors(LocalPostgres postgres, List<SummaryEvent> summaries)
            throws Exception {
        try (Connection connection = postgres.server().connect(RonbunService.EMBED.database())) {
            return StoredSummaryVectors.read(connection, "summary_vectors", summaries);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return withKafkaClassLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Summaries of mixed lengths made of the Japanese paragraphs of the sample documents and the shared corpus: 40 %
     * one paragraph, 40 % three, 20 % ten, drawn without replacement (reshuffled when the deck runs out); a quarter of
     * them are second summaries (another document, new paragraphs) of a paper sent earlier in the same round.
     */
    private record RealMix(List<String> paragraphs) {

        static RealMix from(List<Path> folders) throws IOException {
            List<String> paragraphs = new ArrayList<>();
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
                            .filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList()) {
                        for (String block : Files.readString(file).split("\\n\\s*\\n")) {
                            String text = block.strip();
                            if (text.length() >= 40 && text.codePoints().anyMatch(RealMix::isJapanese)) {
                                paragraphs.add(text);
                            }
                        }
                    }
                }
            }
            return new RealMix(List.copyOf(paragraphs));
        }

        int size() {
            return paragraphs.size();
        }

        List<SummaryEvent> summaries(String run, int count, Random random) {
            List<String> deck = new ArrayList<>();
            List<SummaryEvent> summaries = new ArrayList<>(count);
            List<SummaryEvent> firsts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(10);
                int size = roll < 4 ? 1 : roll < 8 ? 3 : 10;
                List<String> chosen = new ArrayList<>();
                for (int p = 0; p < size; p++) {
                    if (deck.isEmpty()) {
                        deck.addAll(paragraphs);
                        Collections.shuffle(deck, random);
                    }
                    chosen.add(deck.removeLast());
                }
                if (!firsts.isEmpty() && random.nextInt(4) == 0) {
                    summaries.add(secondSummary(firsts.get(random.nextInt(firsts.size())), run, i, chosen));
                } else {
                    SummaryEvent first = summary(run, i, chosen);
                    firsts.add(first);
                    summaries.add(first);
                }
            }
            return summaries;
        }

        private static SummaryEvent summary(String run, int index, List<String> paragraphs) {
            String first = paragraphs.getFirst();
            String titleJa = first.lines().findFirst().orElse(first);
            titleJa = titleJa.substring(0, Math.min(40, titleJa.length()));
            return event("title-ja:benchmark " + run + " " + index, titleJa, run + "-" + index, "benchmark.txt",
                    paragraphs);
        }

        private static SummaryEvent secondSummary(SummaryEvent of, String run, int index, List<String> paragraphs) {
            return event(of.paperKey(), of.titleJa(), run + "-" + index, "second-summary.txt", paragraphs);
        }

        private static SummaryEvent event(String paperKey, String titleJa, String documentId, String documentName,
                                          List<String> paragraphs) {
            String first = paragraphs.getFirst();
            List<Section> sections = new ArrayList<>();
            String[] headings = {"概要", "手法", "結果"};
            for (int i = 0; i < paragraphs.size(); i++) {
                sections.add(new Section(headings[Math.min(i, headings.length - 1)], paragraphs.get(i)));
            }
            return new SummaryEvent(SummaryEvent.SCHEMA_VERSION, paperKey, documentId, documentName, 0, "generic", null,
                    titleJa, null, List.of(), List.of(), null, "paper", LocalDate.of(2026, 1, 13),
                    first.substring(0, Math.min(80, first.length())), sections, String.join("\n\n", paragraphs),
                    Instant.now());
        }

        private static boolean isJapanese(int codePoint) {
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HAN;
        }
    }
}
