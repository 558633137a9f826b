package dev.ronbun.embed.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
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
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end throughput of embed-service as {@code ./ronbun up} runs it: the packaged service as its own process
 * (launched by the local stack's {@link ServiceLauncher}), a real Kafka and a real PostgreSQL. It sends N summaries
 * of mixed lengths, cut from the Japanese documents in {@code samples/}, to {@code ronbun.summaries.v1} at once and
 * measures until the last of their papers is on {@code ronbun.papers.v1}: summaries per second end to end, the
 * latency of each summary, the service's CPU time (and how much of the wall time went into the model) and its peak
 * resident memory (VmHWM, start-up included).
 *
 * <p>Not part of {@code mvn verify} (tag {@code benchmark}); it needs the packaged service. From the repository root:
 * <pre>
 * mvn -B -o -pl embed-service package -DskipTests surefire:test@benchmark [-Dronbun.benchmark.summaries=200]
 *     [-Dronbun.benchmark.warmup=10] [-Dronbun.benchmark.jvm-options="-Xmx512m"]
 * </pre>
 * The result is printed and written to {@code embed-service/target/benchmark/pipeline-throughput.txt}.
 */
@Tag("benchmark")
class PipelineThroughputBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);
    /** Time spent in the model, as SummaryProcessing's timer reports it. */
    private static final String EMBEDDING_SECONDS = "ronbun_embed_summary_embedding_seconds_sum";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void summariesFlowFromTheSummariesTopicIntoPostgresqlAndOutOnThePapersTopic() throws Exception {
        int count = Integer.getInteger("ronbun.benchmark.summaries", 200);
        int warmup = Integer.getInteger("ronbun.benchmark.warmup", 10);
        List<String> jvmOptions = Arrays.stream(System.getProperty("ronbun.benchmark.jvm-options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = root.resolve("embed-service/target/benchmark");
        assertThat(RonbunService.EMBED.runnableJar(root)).as("the packaged service (mvn package first)").isRegularFile();

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<SummaryEvent> summaries = JapaneseSummaries.from(root.resolve("samples"), run, warmup + count);
        try (LocalPostgres postgres = LocalPostgres.throwaway(); InJvmKafka kafka = InJvmKafka.start()) {
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
            try (PapersWatch papers = new PapersWatch(kafka.bootstrapServers());
                 KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                new ReadinessProbe().awaitReady(service, ReadinessProbe.readinessOf(wiring.baseUrl(RonbunService.EMBED)),
                        READY_TIMEOUT);

                send(producer, summaries.subList(0, warmup), papers);
                papers.await(summaries.subList(0, warmup), service);

                List<SummaryEvent> timed = summaries.subList(warmup, summaries.size());
                String metricsUrl = wiring.baseUrl(RonbunService.EMBED) + "/q/metrics";
                double embeddingBefore = metric(metricsUrl, EMBEDDING_SECONDS);
                double cpuBefore = cpuSeconds(service.pid());
                long start = System.nanoTime();
                send(producer, timed, papers);
                long end = papers.await(timed, service);
                double cpu = cpuSeconds(service.pid()) - cpuBefore;
                double embedding = metric(metricsUrl, EMBEDDING_SECONDS) - embeddingBefore;

                long stored = storedSummaries(postgres, run);
                assertThat(stored).as("summaries of this run in PostgreSQL").isEqualTo(summaries.size());
                String report = report(timed, papers, start, end, cpu, embedding, service.pid(), jvmOptions);
                System.out.println(report);
                Files.createDirectories(work);
                Files.writeString(work.resolve("pipeline-throughput.txt"), report + "\n");
            } finally {
                service.stop(Duration.ofSeconds(30));
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, List<SummaryEvent> summaries, PapersWatch papers) {
        for (SummaryEvent summary : summaries) {
            papers.sent(summary);
            producer.send(new ProducerRecord<>(Topics.SUMMARIES.name(), summary.paperKey(), EventJson.write(summary)));
        }
        producer.flush();
    }

    private static String report(List<SummaryEvent> timed, PapersWatch papers, long start, long end, double cpu,
                                 double embedding, long pid, List<String> jvmOptions) {
        double seconds = (end - start) / 1e9;
        List<Long> latencies = timed.stream().map(papers::latencyMillis).sorted().toList();
        int[] lengths = timed.stream().mapToInt(s -> s.body().length()).sorted().toArray();
        return String.format(
                "pipeline summaries %d (body chars min %d median %d max %d) wall_s %.1f summaries_per_s %.2f "
                        + "latency_ms p50 %d p95 %d max %d service_cpu_s %.1f summaries_per_service_cpu_s %.2f "
                        + "embedding_s %.1f service_peak_rss_mib %d "
                        + "service_rss_mib %d cpus %d loadavg %s jvm_options [%s] at %s",
                timed.size(), lengths[0], lengths[lengths.length / 2], lengths[lengths.length - 1], seconds,
                timed.size() / seconds, percentile(latencies, 0.50), percentile(latencies, 0.95), latencies.getLast(),
                cpu, timed.size() / cpu, embedding, memoryMib(pid, "VmHWM"), memoryMib(pid, "VmRSS"), Runtime.getRuntime().availableProcessors(),
                loadAverage(), String.join(" ", jvmOptions), Instant.now());
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

    private static long storedSummaries(LocalPostgres postgres, String run) throws Exception {
        try (Connection connection = postgres.server().connect(RonbunService.EMBED.database());
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from summaries s join summary_vectors v using (summary_id) where s.document_id like ?")) {
            statement.setString(1, run + "-%");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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

    /** User plus system CPU time of a process, all its threads included, from /proc. */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long memoryMib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    /** Follows ronbun.papers.v1 from a background thread and notes when each paper of this run first arrives. */
    private static final class PapersWatch implements AutoCloseable {

        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        private final Thread poller;
        private volatile boolean closed;

        PapersWatch(String bootstrapServers) {
            KafkaConsumer<String, String> consumer = withKafkaClassLoader(() -> new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new StringDeserializer()));
            consumer.subscribe(List.of(Topics.PAPERS.name()));
            poller = Thread.ofPlatform().name("benchmark-papers").start(() -> {
                try (consumer) {
                    while (!closed) {
                        consumer.poll(Duration.ofMillis(100)).forEach(record ->
                                arrivedAt.putIfAbsent(record.key(), System.nanoTime()));
                    }
                }
            });
        }

        void sent(SummaryEvent summary) {
            sentAt.put(PaperIdentity.paperId(summary.paperKey()), System.nanoTime());
        }

        /** Waits until every summary's paper arrived; returns when the last one did. */
        long await(List<SummaryEvent> summaries, ChildProcess service) throws InterruptedException {
            List<String> ids = summaries.stream().map(s -> PaperIdentity.paperId(s.paperKey())).toList();
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (!arrivedAt.keySet().containsAll(ids)) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    fail("%d of %d papers arrived; the service's log ends:%n%s",
                            ids.stream().filter(arrivedAt::containsKey).count(), ids.size(),
                            String.join("\n", service.logTail(40)));
                }
                Thread.sleep(20);
            }
            return ids.stream().mapToLong(arrivedAt::get).max().orElseThrow();
        }

        long latencyMillis(SummaryEvent summary) {
            String id = PaperIdentity.paperId(summary.paperKey());
            return (arrivedAt.get(id) - sentAt.get(id)) / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            poller.join(Duration.ofSeconds(10));
        }
    }

    /**
     * Summaries of mixed lengths made of the paragraphs of the sample documents: 40 % one paragraph, 40 % three, 20 %
     * ten, each paper its own (so every summary makes one paper).
     */
    private static final class JapaneseSummaries {

        static List<SummaryEvent> from(Path samples, String run, int count) throws IOException {
            List<String> paragraphs = paragraphs(samples);
            Random random = new Random(42);
            List<SummaryEvent> summaries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(10);
                int size = roll < 4 ? 1 : roll < 8 ? 3 : 10;
                List<String> chosen = new ArrayList<>();
                for (int p = 0; p < size; p++) {
                    chosen.add(paragraphs.get(random.nextInt(paragraphs.size())));
                }
                summaries.add(summary(run, i, chosen));
            }
            return summaries;
        }

        private static SummaryEvent summary(String run, int index, List<String> paragraphs) {
            String first = paragraphs.getFirst();
            String titleJa = first.lines().findFirst().orElse(first);
            titleJa = titleJa.substring(0, Math.min(40, titleJa.length()));
            List<Section> sections = new ArrayList<>();
            String[] headings = {"概要", "手法", "結果"};
            for (int i = 0; i < paragraphs.size(); i++) {
                sections.add(new Section(headings[Math.min(i, headings.length - 1)], paragraphs.get(i)));
            }
            String body = String.join("\n\n", paragraphs);
            String paperKey = "title-ja:benchmark " + run + " " + index;
            return new SummaryEvent(SummaryEvent.SCHEMA_VERSION, paperKey, run + "-" + index, "benchmark.txt", 0,
                    "generic", null, titleJa, null, List.of(), List.of(), null, "paper", LocalDate.of(2026, 1, 13),
                    first.substring(0, Math.min(80, first.length())), sections, body, Instant.now());
        }

        /** Blank-line separated blocks with Japanese in them, at least 40 characters long. */
        private static List<String> paragraphs(Path samples) throws IOException {
            List<String> paragraphs = new ArrayList<>();
            try (Stream<Path> files = Files.list(samples)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
                        .filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList()) {
                    for (String block : Files.readString(file).split("\\n\\s*\\n")) {
                        String text = block.strip();
                        if (text.length() >= 40 && text.codePoints().anyMatch(JapaneseSummaries::isJapanese)) {
                            paragraphs.add(text);
                        }
                    }
                }
            }
            return paragraphs;
        }

        private static boolean isJapanese(int codePoint) {
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HAN;
        }
    }
}
