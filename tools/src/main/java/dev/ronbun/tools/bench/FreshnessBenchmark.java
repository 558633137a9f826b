package dev.ronbun.tools.bench;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.cli.RonbunVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Freshness harness (not a test), run against a stack started by {@code ./ronbun up}: how long after
 * {@code POST /api/documents} a new paper shows up in related results, while a steady stream of other documents is
 * being ingested.
 *
 * <p>Each probe is one document of two new papers written to be near-twins (same text, different titles and arXiv
 * ids); the probe is fresh once the second appears among the related papers of the first, which needs both to be
 * parsed, published, embedded, stored, published again and indexed. Meanwhile a background client posts filler
 * documents (one paper each, on rotating ML topics) at a fixed rate. Reports p50/p95/max over the probes, and how
 * many filler documents the stack took during the run.
 *
 * <pre>
 * ./ronbun bench freshness [--probes 30] [--probe-interval-ms 3000] [--load-per-second 2] [--timeout-s 120]
 *     [--recommend-url URL] [--ingest-url URL]   (by default the stack ./ronbun describes)
 * </pre>
 */
public final class FreshnessBenchmark {

    private static final String[] TOPICS = {
            "拡散モデルによる画像生成の高速化と蒸留", "大規模言語モデルの指示チューニングと人間のフィードバック",
            "検索拡張生成における密ベクトル検索と再ランキング", "音声認識モデルの多言語化と弱教師あり学習",
            "状態空間モデルによる長い系列の効率的なモデリング", "知識蒸留による小さな生徒モデルの学習",
            "強化学習によるロボット制御と模倣学習", "グラフニューラルネットワークによる分子の性質予測"};

    private final HttpClient client;
    private final String ingest;
    private final String recommend;
    private final String token;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    /** Three digits of this run in the made-up arXiv ids, which must look real (NNNN.NNNNN) to be parsed as such. */
    private final int runDigits = (int) (System.currentTimeMillis() / 1000 % 1000);

    private FreshnessBenchmark(StackTarget stack, URI ingestUrl) {
        this.client = stack.http();
        this.ingest = stack.ingest(ingestUrl);
        this.recommend = stack.recommend();
        this.token = stack.adminToken();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(FreshnessBenchmark.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "ronbun bench freshness", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "POST-to-related latency of the running stack under a steady ingest load.")
    static int run(
            @Mixin StackTarget stack,
            @Option(names = "--ingest-url", paramLabel = "URL", description = "ingest-service to send the documents "
                    + "to (default: 127.0.0.1 on RONBUN_INGEST_PORT, or 8081)") URI ingestUrl,
            @Option(names = "--probes", defaultValue = "30", paramLabel = "N",
                    description = "probe papers (default: ${DEFAULT-VALUE})") int probes,
            @Option(names = "--probe-interval-ms", defaultValue = "3000", paramLabel = "MS",
                    description = "between probes (default: ${DEFAULT-VALUE})") long probeIntervalMs,
            @Option(names = "--load-per-second", defaultValue = "2", paramLabel = "R",
                    description = "background documents per second (default: ${DEFAULT-VALUE})") double loadPerSecond,
            @Option(names = "--timeout-s", defaultValue = "120", paramLabel = "S",
                    description = "how long a probe may take (default: ${DEFAULT-VALUE})") long timeoutSeconds)
            throws Exception {
        FreshnessBenchmark bench = new FreshnessBenchmark(stack, ingestUrl);
        bench.measure(probes, probeIntervalMs, loadPerSecond, Duration.ofSeconds(timeoutSeconds));
        return 0;
    }

    private void measure(int probes, long probeIntervalMs, double loadPerSecond, Duration timeout)
            throws InterruptedException {
        AtomicInteger fillersAccepted = new AtomicInteger();
        AtomicInteger fillersFailed = new AtomicInteger();
        AtomicLong fillerNumber = new AtomicLong();
        Thread load = Thread.ofPlatform().daemon().start(() -> {
            long periodNanos = (long) (1e9 / loadPerSecond);
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                long n = fillerNumber.incrementAndGet();
                int status = post(structured(List.of(paper("filler " + run + "-" + n, arxivId(9, n),
                        TOPICS[(int) (n % TOPICS.length)], n))));
                (status == 202 ? fillersAccepted : fillersFailed).incrementAndGet();
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        long started = System.nanoTime();
        System.out.printf("freshness: %d probes every %d ms, background load %.1f documents/s, stack at %s%n",
                probes, probeIntervalMs, loadPerSecond, recommend);
        List<Long> fresh = new ArrayList<>();
        int lost = 0;
        for (int probe = 0; probe < probes; probe++) {
            Thread.sleep(probeIntervalMs);
            Long millis = probe(probe, timeout);
            if (millis == null) {
                lost++;
                System.out.printf("  probe %d: not in related results after %d s%n", probe, timeout.toSeconds());
            } else {
                fresh.add(millis);
                System.out.printf("  probe %d: %d ms%n", probe, millis);
            }
        }
        load.interrupt();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = fresh.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("POST to related: p50 %d ms, p95 %d ms, max %d ms over %d probes (%d not seen)%n",
                    sorted[(int) Math.floor(0.50 * (sorted.length - 1))],
                    sorted[(int) Math.floor(0.95 * (sorted.length - 1))], sorted[sorted.length - 1], sorted.length,
                    lost);
        } else {
            System.out.printf("POST to related: no probe was seen within %d s%n", timeout.toSeconds());
        }
        System.out.printf("background load: %d documents accepted, %d refused, in %.0f s (%.2f/s)%n",
                fillersAccepted.get(), fillersFailed.get(), seconds, fillersAccepted.get() / seconds);
        System.out.printf("load average at the end %s%n", LoadAverage.now());
    }

    /** Posts one probe and waits until its twin is related to it; null when that does not happen in time. */
    private Long probe(int probe, Duration timeout) throws InterruptedException {
        String topic = TOPICS[probe % TOPICS.length];
        String first = arxivId(8, 2L * probe);
        String second = arxivId(8, 2L * probe + 1);
        String document = structured(List.of(paper("probe " + run + "-" + probe + " A", first, topic, probe),
                paper("probe " + run + "-" + probe + " B", second, topic, probe)));
        String firstId = PaperIdentity.paperId("arxiv:" + first);
        String secondId = PaperIdentity.paperId("arxiv:" + second);
        long start = System.nanoTime();
        int status = post(document);
        if (status != 202) {
            throw new IllegalStateException("ingest answered " + status + " to a probe document");
        }
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String related = get(recommend + "/api/papers/" + firstId + "/related?k=10");
            if (related != null && related.contains("\"" + secondId + "\"")) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** One paper in the structured per-paper shape: title, arXiv link and the question sections. */
    private static String paper(String title, String arxivId, String topic, long seed) {
        return "# " + title + "\n\n[View Paper](https://arxiv.org/abs/" + arxivId + ")\n\n"
                + "## 1. 先行研究では何ができなかったのか\n\n*   " + topic + "では計算量と精度の両立が難しかった。"
                + " 事例" + seed + "では特に長い入力で性能が落ちた。\n\n"
                + "## 2. どのようなアプローチでそれを解決しようとしたか\n\n*   " + topic
                + "に新しい学習方法を導入し、データの使い方を工夫した。\n\n"
                + "## 3. 結果、何が達成できたのか\n\n*   標準的なベンチマークで既存手法を上回った。\n\n"
                + "## 8. 140字以内の要約\n\n" + topic + "を改善する手法を提案し、実験で効果を示した。\n";
    }

    /** A made-up arXiv id, unique to this run: {@code series} 8 for probes, 9 for fillers. */
    private String arxivId(int series, long number) {
        return String.format("%d%03d.%05d", series, runDigits, number % 100_000);
    }

    private static String structured(List<String> papers) {
        return String.join("\n---\n\n", papers);
    }

    private int post(String document) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/documents?name=freshness-"
                        + System.nanoTime() + ".md"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
