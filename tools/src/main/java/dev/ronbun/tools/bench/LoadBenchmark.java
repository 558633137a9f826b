package dev.ronbun.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.security.TokenIssuer;
import dev.ronbun.infra.stack.StackConfig;
import dev.ronbun.tools.evaluation.LoadCorpus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Load harness (not a test), run by {@code ./ronbun bench load} against a stack of its own: seeds it with N synthetic
 * papers and R readers' histories (recommend-service's {@code LoadCorpus}, through Kafka like the real pipeline),
 * waits until recommend-service has indexed and stored them, then drives the related-papers and recommendations
 * endpoints with wrk over 127.0.0.1 for a fixed time, each reader with a token of their own. Reports requests per
 * second, p50/p99 latency and errors (non-2xx answers and socket errors) per scenario, and how much of it
 * recommend-service served from its result caches (their counters in /q/metrics). Scenarios run in the order given,
 * on one running service, after a warm-up on a tenth of the papers and readers (JIT, connections): each later
 * scenario finds the results its predecessors cached. Start the stack with
 * {@code RONBUN_RECOMMEND_CACHE_ENABLED=false} in the environment to measure every request computed. With
 * {@code --ingest-per-second R}, new papers arrive at that rate throughout the measured scenarios ({@link SteadyIngest}).
 *
 * <pre>
 * ./ronbun bench load [--papers 10000] [--readers 1000] [--seconds 60] [--connections 8] [--threads 1]
 *     [--scenarios mixed,related,recommendations] [--warmup-seconds 60] [--skip-seed] [--share S]
 *     [--ingest-per-second R]
 *     [--recommend-url URL]   (by default the stack of its own that ./ronbun bench load starts)
 * </pre>
 */
public final class LoadBenchmark {

    private static final Pattern SUMMARY = Pattern.compile(
            "ronbun-load requests=(\\d+) seconds=([\\d.]+) p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) "
                    + "non2xx=(\\d+) socket_errors=(\\d+)");

    private static final Pattern CACHE_COUNTER = Pattern.compile(
            "ronbun_recommend_cache_requests_total\\{cache=\"(\\w+)\",result=\"(\\w+)\"} ([\\d.E]+)");

    private static final double WARMUP_SHARE = 0.1;

    private final StackTarget stack;
    private final HttpClient client;
    private final StackConfig config;
    private final String recommend;
    private final TokenIssuer issuer;

    private LoadBenchmark(StackTarget stack) {
        this.stack = stack;
        this.client = stack.http();
        this.config = stack.config();
        this.recommend = stack.recommend();
        this.issuer = stack.issuer();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(LoadBenchmark.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "ronbun bench load", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "wrk on related papers and recommendations, on a seeded stack of its own.")
    static int run(
            @Mixin StackTarget stack,
            @Option(names = "--papers", defaultValue = "10000", paramLabel = "N",
                    description = "synthetic papers to seed (default: ${DEFAULT-VALUE})") int papers,
            @Option(names = "--readers", defaultValue = "1000", paramLabel = "N",
                    description = "synthetic readers to seed (default: ${DEFAULT-VALUE})") int readers,
            @Option(names = "--seconds", defaultValue = "60", paramLabel = "S",
                    description = "per scenario (default: ${DEFAULT-VALUE})") int seconds,
            @Option(names = "--connections", defaultValue = "8", paramLabel = "N",
                    description = "wrk -c (default: ${DEFAULT-VALUE})") int connections,
            @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
                    description = "wrk -t (default: ${DEFAULT-VALUE})") int threads,
            @Option(names = "--scenarios", defaultValue = "mixed,related,recommendations", paramLabel = "A,B",
                    split = ",", description = "default: ${DEFAULT-VALUE}") List<String> scenarios,
            @Option(names = "--skip-seed",
                    description = "reuse the papers and readers of the last run") boolean skipSeed,
            @Option(names = "--warmup-seconds", defaultValue = "60", paramLabel = "S",
                    description = "untimed load first (default: ${DEFAULT-VALUE})") int warmupSeconds,
            @Option(names = "--share", defaultValue = "1", paramLabel = "S",
                    description = "the first part of the papers and readers the measured scenarios address, in (0, 1]; "
                            + "0.1 is the warm-up's, whose results are cached by then (default: ${DEFAULT-VALUE})")
            double share,
            @Option(names = "--ingest-per-second", defaultValue = "0", paramLabel = "R",
                    description = "new papers per second during the measured scenarios (default: ${DEFAULT-VALUE})")
            double ingestPerSecond)
            throws Exception {
        if (!(share > 0 && share <= 1)) {
            System.err.println("ronbun bench load: --share must be above 0 and at most 1, not " + share);
            return 2;
        }
        boolean seed = !skipSeed;
        LoadBenchmark bench = new LoadBenchmark(stack);
        Path work = bench.config.stateDir().resolve("load");
        if (seed) {
            bench.seed(work, papers, readers);
        }
        List<String> paperIds = Files.readAllLines(work.resolve("papers.txt"));
        List<String> readerIds = Files.readAllLines(work.resolve("readers.txt"));
        bench.awaitIndexed(paperIds.size(), readerIds, Duration.ofMinutes(20));
        Path script = bench.writeScript(work, paperIds, readerIds);
        System.out.printf("load: %d papers, %d readers, %d s per scenario, wrk -t%d -c%d, cpus %d, load average %s%n",
                paperIds.size(), readerIds.size(), seconds, threads, connections,
                Runtime.getRuntime().availableProcessors(), LoadAverage.now());
        if (warmupSeconds > 0) {
            // JIT compilation (on 2 cores C2 needs minutes for Lucene and the service) and the first connections;
            // only a tenth of the papers and readers, so that the measured runs still start with most results not
            // cached.
            bench.drive(script, "mixed", WARMUP_SHARE, warmupSeconds, connections, threads);
            System.out.println("(warm-up above: mixed on a tenth of the papers and readers, not a result)");
        }
        boolean clean = true;
        long indexedBefore = bench.get("/api/papers?size=1").path("total").asLong();
        SteadyIngest ingest = ingestPerSecond > 0 ? new SteadyIngest(bench.bootstrap(), paperIds.size(),
                (int) indexedBefore, ingestPerSecond) : null;
        if (ingest != null) {
            System.out.printf(Locale.ROOT, "ingesting %.1f new papers per second throughout (paper events, as "
                    + "embed-service publishes them)%n", ingestPerSecond);
        }
        try {
            for (String scenario : scenarios) {
                clean &= bench.drive(script, scenario, share, seconds, connections, threads);
            }
        } finally {
            if (ingest != null) {
                ingest.close();
                System.out.printf("new papers: %d published, index grew by %d%n", ingest.published(),
                        bench.get("/api/papers?size=1").path("total").asLong() - indexedBefore);
            }
        }
        return clean ? 0 : 1;
    }

    private String bootstrap() {
        return config.externalKafka().orElse("127.0.0.1:" + config.kafkaPort());
    }

    /** Runs {@link LoadCorpus} against this stack's broker. */
    private void seed(Path work, int papers, int readers) {
        long start = System.nanoTime();
        int exit = new CommandLine(CommandLine.getCommandMethods(LoadCorpus.class, "run").getFirst()).execute(
                "--bootstrap", bootstrap(), "--papers", Integer.toString(papers),
                "--readers", Integer.toString(readers), "--out", work.toString());
        if (exit != 0) {
            throw new IllegalStateException("seeding the stack failed (exit " + exit + ")");
        }
        System.out.printf("seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Waits until every paper is in the index and the readers' histories are stored (a sample of them checked). */
    private void awaitIndexed(int papers, List<String> readerIds, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long indexed = 0;
        while (System.nanoTime() < deadline) {
            indexed = get("/api/papers?size=1").path("total").asLong();
            if (indexed >= papers) {
                break;
            }
            Thread.sleep(1000);
        }
        if (indexed < papers) {
            throw new IllegalStateException("only " + indexed + " of " + papers + " papers indexed in " + timeout);
        }
        System.out.printf("index holds %d papers after %.1f s%n", indexed, (System.nanoTime() - start) / 1e9);
        int expectedEvents = get("/api/readers/" + readerIds.getFirst() + "/history?limit=1000")
                .path("items").size();
        for (int r = readerIds.size() - 1; r >= 0; r -= Math.max(1, readerIds.size() / 20)) {
            while (get("/api/readers/" + readerIds.get(r) + "/history?limit=1000").path("items").size()
                    < expectedEvents) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reader " + readerIds.get(r) + "'s history is not stored yet");
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("readers' histories stored after %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** recommend-service's cache counters from /q/metrics, keyed "related hit", "related miss" and so on. */
    private Map<String, Double> cacheCounts() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(recommend + "/q/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, Double> counts = new HashMap<>();
        Matcher m = CACHE_COUNTER.matcher(response.body());
        while (m.find()) {
            counts.put(m.group(1) + " " + m.group(2), Double.parseDouble(m.group(3)));
        }
        return counts;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return stack.adminJson("GET", recommend + path, 200, Duration.ofSeconds(30));
    }

    /**
     * A wrk script: each request picks a random paper (related) or a random reader (recommendations, with that
     * reader's own token); the mixed scenario alternates at random. The summary line is parsed by {@link #drive}.
     */
    private Path writeScript(Path work, List<String> paperIds, List<String> readerIds) throws IOException {
        StringBuilder lua = new StringBuilder("-- written by LoadBenchmark for one run; holds tokens, not kept\n");
        lua.append("local papers = {\n");
        for (String id : paperIds) {
            lua.append("  \"/api/papers/").append(id).append("/related?k=10\",\n");
        }
        lua.append("}\nlocal readers = {\n");
        for (String id : readerIds) {
            lua.append("  {\"/api/readers/").append(id).append("/recommendations?k=10\", \"Bearer ")
                    .append(issuer.token(Roles.READER, id)).append("\"},\n");
        }
        lua.append("""
                }
                local scenario = os.getenv("RONBUN_LOAD_SCENARIO")
                -- the warm-up addresses only the first part of the papers and readers (see LoadBenchmark)
                local share = tonumber(os.getenv("RONBUN_LOAD_SHARE") or "1")
                local paperCount = math.max(1, math.floor(#papers * share))
                local readerCount = math.max(1, math.floor(#readers * share))
                local counter = 0
                function setup(thread)
                  counter = counter + 1
                  thread:set("seed", counter)
                end
                function init(args)
                  math.randomseed(42 + seed)
                end
                function request()
                  local reader = readers[math.random(readerCount)]
                  if scenario == "related" or (scenario == "mixed" and math.random() < 0.5) then
                    return wrk.format("GET", papers[math.random(paperCount)], {["Authorization"] = reader[2]})
                  end
                  return wrk.format("GET", reader[1], {["Authorization"] = reader[2]})
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format(
                    "ronbun-load requests=%d seconds=%.3f p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\\n",
                    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
                    latency.max, e.status, e.connect + e.read + e.write + e.timeout))
                end
                """);
        Path script = work.resolve("load.lua");
        Files.writeString(script, lua);
        return script;
    }

    /** One wrk run; true when it finished with no error of any kind. */
    private boolean drive(Path script, String scenario, double share, int seconds, int connections, int threads)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), recommend));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RONBUN_LOAD_SCENARIO", scenario);
        builder.environment().put("RONBUN_LOAD_SHARE", Double.toString(share));
        Process wrk;
        try {
            wrk = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk", e);
        }
        Map<String, Double> cacheBefore = cacheCounts();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Matcher m = SUMMARY.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no summary:\n" + output);
        }
        long requests = Long.parseLong(m.group(1));
        double duration = Double.parseDouble(m.group(2));
        long errors = Long.parseLong(m.group(6)) + Long.parseLong(m.group(7));
        System.out.printf(Locale.ROOT, "%-16s %7.1f requests/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, "
                        + "%d requests, %d non-2xx, %d socket errors, load average %s%n", scenario,
                requests / duration, Long.parseLong(m.group(3)) / 1e3, Long.parseLong(m.group(4)) / 1e3,
                Long.parseLong(m.group(5)) / 1e3, requests, Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)), LoadAverage.now());
        Map<String, Double> cacheAfter = cacheCounts();
        for (String cache : List.of("related", "recommendations")) {
            double hits = counted(cacheBefore, cacheAfter, cache + " hit");
            double stale = counted(cacheBefore, cacheAfter, cache + " stale");
            double misses = counted(cacheBefore, cacheAfter, cache + " miss");
            double all = hits + stale + misses;
            if (all > 0) {
                System.out.printf(Locale.ROOT, "%-16s   %s served from the cache: %.0f %% of %.0f "
                                + "(%.0f %% while a new neighbour was ranked in)%n", "", cache,
                        100 * (hits + stale) / all, all, 100 * stale / all);
            }
        }
        return errors == 0;
    }

    private static double counted(Map<String, Double> before, Map<String, Double> after, String counter) {
        return after.getOrDefault(counter, 0.0) - before.getOrDefault(counter, 0.0);
    }
}
