package dev.ronbun.faults;

import static dev.ronbun.faults.PipelineHarness.log;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.Topics;
import dev.ronbun.faults.documents.SyntheticCorpus;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.events.ReadingEventFeed;
import dev.ronbun.faults.events.TopicWriter;
import dev.ronbun.faults.http.RonbunHttp;
import dev.ronbun.faults.ingestion.DocumentSubmitter;
import dev.ronbun.faults.ingestion.IngestionRun;
import dev.ronbun.faults.ingestion.Submission;
import dev.ronbun.faults.stack.ClusterStack;
import dev.ronbun.faults.stack.ClusterStack.Instance;
import dev.ronbun.faults.stack.ServiceRun;
import dev.ronbun.faults.verification.ExpectedState;
import dev.ronbun.faults.verification.PipelineProbe;
import dev.ronbun.faults.verification.PipelineSnapshot;
import dev.ronbun.faults.verification.Quiescence;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The fault suite on a scaled-out stack ({@code ./ronbun up --brokers 3 --replicas 2}): documents are posted to
 * both ingest replicas and reading events written while the leader broker of a summaries partition is SIGKILLed and
 * brought back, then one replica of every service is SIGKILLed and brought back. Afterwards PostgreSQL holds every
 * document, summary, paper and reading event exactly once, both recommend replicas' indexes hold every paper, and
 * both give the same related papers with the same scores.
 */
class ClusterFaultsIT {

    private static final int BROKERS = 3;
    private static final int REPLICAS = 2;
    /** Small enough for a few minutes on a busy machine; raise it with -Dronbun.faults.cluster-documents=… */
    private static final int DOCUMENTS = PipelineHarness.intProperty("ronbun.faults.cluster-documents", 60);
    private static final int SERIES = 22;
    private static final String SCENARIO = "s" + SERIES;
    private static final int CLIENTS_PER_INGEST = 2;
    /** How long the killed broker stays down while documents and reading events keep coming. */
    private static final Duration BROKER_DOWN = Duration.ofSeconds(15);
    /** A dead broker's session times out (9 s by default) before its leaderships move; then the report must work. */
    private static final Duration LAG_BACK_WITHIN = Duration.ofSeconds(60);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(30);
    private static final int RELATED_SAMPLE = 10;
    /** Of a list's best score: how close served scores must be to count as the same (reported, not required). */
    private static final double SCORE_TOLERANCE = 0.02;
    /**
     * How far each signal behind a related paper (the API's scoreParts) may lie apart on the two replicas, as a share
     * of the list's largest value of that signal (at least 1, the cosines' scale). The replicas centre vectors on one
     * shared mean ({@code SharedCentres}), so vector cosines must agree but for float rounding; the replicas' BM25 and
     * n-gram statistics count different deleted documents: on 2026-12-06 BM25 lay up to 3.2 % of the list's best
     * apart and the character n-gram cosines up to 0.007 (and, before the mean was shared, vector cosines up to 0.022).
     */
    private static final Map<String, Double> SIGNAL_TOLERANCE = Map.of("vector", 0.001, "bm25", 0.1, "chargram", 0.05);
    /**
     * A paper served with at least this share of its list's best score must be on the other replica's list too;
     * weaker ones may differ (see the related-papers check).
     */
    private static final double CLEARLY_RELATED = 0.5;
    /**
     * How long the replicas' related lists may take to agree after the stores settle: two of the result caches'
     * 60-second lifetimes (an aged list, then the aged candidate rankings it reads, are recomputed in the background).
     */
    private static final Duration AGREE_WITHIN = Duration.ofMinutes(3);
    private static final Duration ASK_AGAIN_EVERY = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nothingIsLostOrDuplicatedAndBothIndexesAgreeWhenALeaderBrokerAndOneReplicaOfEachServiceAreKilled()
            throws Exception {
        Path root = Path.of(System.getProperty("ronbun.root", "../..")).toAbsolutePath().normalize();
        long startedStack = System.nanoTime();
        try (ClusterStack stack = ClusterStack.start(root, root.resolve("infra/faults/target/faults/cluster"),
                BROKERS, REPLICAS, PipelineHarness::log);
             TopicWriter writer = new TopicWriter(stack.bootstrapServers())) {
            Duration stackStart = Duration.ofNanos(System.nanoTime() - startedStack);
            String token = stack.adminToken();
            RonbunHttp http = new RonbunHttp(() -> Map.of("Authorization", "Bearer " + token));
            PipelineProbe probe = new PipelineProbe(stack, http);
            ExpectedState expected = new ExpectedState();

            List<SyntheticDocument> documents = SyntheticCorpus.series(SERIES, DOCUMENTS);
            List<String> paperIds = documents.stream().map(d -> d.summaries().getFirst().paperId()).toList();
            log("cluster scenario: " + documents.size() + " documents over " + REPLICAS + " ingest replicas, "
                    + BROKERS + " brokers; stack ready after " + stackStart.toSeconds() + " s");

            // Three equal parts, each over both ingest replicas: the first before any fault, the second posted
            // while the broker is down, the third while the replicas are down, so each fault meets documents in flight.
            List<List<SyntheticDocument>> parts = List.of(documents.subList(0, documents.size() / 3),
                    documents.subList(documents.size() / 3, 2 * documents.size() / 3),
                    documents.subList(2 * documents.size() / 3, documents.size()));
            long started = System.nanoTime();
            ReadingEventFeed readers = new ReadingEventFeed(writer, SCENARIO, paperIds.subList(0,
                    Math.min(50, paperIds.size())));
            List<Submission> submissions = new ArrayList<>();
            List<IngestionRun> inFlight = new ArrayList<>();
            String brokerFault;
            String serviceFault;
            Set<String> readingEvents;
            try {
                for (IngestionRun ingestion : post(stack, http, parts.get(0))) {
                    submissions.addAll(ingestion.await(INGEST_TIMEOUT));
                }
                brokerFault = killAndRestartTheLeaderOfASummariesPartition(stack, http,
                        () -> inFlight.addAll(post(stack, http, parts.get(1))));
                log(brokerFault);
                serviceFault = killAndRestartOneReplicaOfEachService(stack,
                        () -> inFlight.addAll(post(stack, http, parts.get(2))));
                log(serviceFault);
            } finally {
                readingEvents = readers.stop();
            }
            for (IngestionRun ingestion : inFlight) {
                submissions.addAll(ingestion.await(INGEST_TIMEOUT));
            }
            Duration ingestTime = Duration.ofNanos(System.nanoTime() - started);
            expected.addDocuments(documents);
            expected.addReadingEvents(readingEvents);
            PipelineHarness.assertEveryDocumentAccepted(submissions);

            PipelineSnapshot settled = Quiescence.await(probe, expected, SETTLE_TIMEOUT,
                    line -> log("waiting: " + line));
            expected.assertHeldExactlyBy(settled);
            Duration settledAfter = Duration.ofNanos(System.nanoTime() - started);

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(probe.rows(RonbunService.RECOMMEND, "reading_events"))
                    .as("rows in recommend's reading_events: each event stored once").isEqualTo(readingEvents.size());
            softly.assertThat(probe.rows(RonbunService.INGEST, "ingested_documents"))
                    .as("rows in ingest's ledger").isEqualTo(documents.size());
            for (int replica = 1; replica <= REPLICAS; replica++) {
                softly.assertThat(probe.indexTotal(stack.baseUrl(RonbunService.RECOMMEND, replica)))
                        .as("papers in recommend replica %d's index", replica).isEqualTo(expected.papers());
            }
            softly.assertAll();
            String relatedOutcome = assertBothRecommendReplicasGiveTheSameRelatedPapers(stack, http, paperIds);
            log(relatedOutcome);
            assertEveryProcessRanSteadily(stack, probe);

            ScenarioReport report = ScenarioReport.of(
                    "cluster: 3 brokers, 2 replicas of each service (a third of the documents posted during each fault)",
                    submissions, expected.papers(), expected.summaries(), ingestTime, settledAfter,
                    brokerFault + "; " + serviceFault + "; " + readingEvents.size() + " reading events stored once; "
                            + "both indexes " + expected.papers() + " papers; " + relatedOutcome + "; stack ready in "
                            + stackStart.toSeconds() + " s");
            report.appendTo(root.resolve("infra/faults/target/faults/results.md"));
            log("cluster scenario passed: " + report.row());
        }
    }

    /** Posts {@code documents} in the background, alternately to each ingest replica, a few clients each. */
    private static List<IngestionRun> post(ClusterStack stack, RonbunHttp http, List<SyntheticDocument> documents) {
        List<IngestionRun> runs = new ArrayList<>();
        for (int replica = 1; replica <= REPLICAS; replica++) {
            int offset = replica - 1;
            List<SyntheticDocument> share = IntStream.range(0, documents.size())
                    .filter(d -> d % REPLICAS == offset).mapToObj(documents::get).toList();
            runs.add(IngestionRun.start(share, CLIENTS_PER_INGEST,
                    new DocumentSubmitter(http, stack.baseUrl(RonbunService.INGEST, replica))));
        }
        return runs;
    }

    /**
     * SIGKILLs the broker leading partition 0 of the summaries topic, runs {@code meanwhile} (posting more documents),
     * leaves the broker down a while, and starts it again.
     */
    private static String killAndRestartTheLeaderOfASummariesPartition(ClusterStack stack, RonbunHttp http,
                                                                       Runnable meanwhile) throws Exception {
        int leader = stack.leaderOf(Topics.SUMMARIES.name(), 0);
        long started = System.nanoTime();
        ChildProcess killed = stack.killBroker(leader);
        assertThat(killed.exitValue()).as("exit value of a SIGKILLed broker").isEqualTo(137);
        meanwhile.run();
        log("pipeline lag available again %.1f s after asking, with broker %d down".formatted(
                assertTheLagReportComesBackWithABrokerDown(stack, http), leader));
        Thread.sleep(BROKER_DOWN);
        int newLeader = stack.leaderOf(Topics.SUMMARIES.name(), 0);
        assertThat(newLeader).as("a surviving broker leads the partition").isNotEqualTo(leader);
        stack.restartBroker(leader);
        return "leader of %s-0 (broker %d) SIGKILLed, broker %d took over, all brokers back after %.1f s".formatted(
                Topics.SUMMARIES.name(), leader, newLeader, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The operators' lag report keeps answering with one broker of three down, never a 5xx: "unavailable" while Kafka
     * moves the dead broker's leaderships (its session has to time out first), then every replica's group again.
     *
     * @return seconds until the report was available again
     */
    private static double assertTheLagReportComesBackWithABrokerDown(ClusterStack stack, RonbunHttp http)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + LAG_BACK_WITHIN.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.get(URI.create(stack.baseUrl(RonbunService.RECOMMEND, 1)
                    + "/api/analytics/pipeline/lag"));
            last = answer.body();
            assertThat(answer.statusCode()).as("GET /api/analytics/pipeline/lag with a broker down: " + last)
                    .isEqualTo(200);
            JsonNode report = JSON.readTree(last);
            if (report.path("available").asBoolean()) {
                List<String> groups = new ArrayList<>();
                report.path("items").forEach(item -> groups.add(item.path("group").asText()));
                assertThat(groups).as("groups in the lag report").containsAll(stack.recommendIndexGroups());
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("the lag report was not available again within " + LAG_BACK_WITHIN.toSeconds()
                + " s of a broker's loss; last answer: " + last);
    }

    /**
     * SIGKILLs the last replica of every service, runs {@code meanwhile} (posting more documents, some of them to the
     * killed ingest replica, whose clients post again until it is back), then launches the replicas again and waits
     * until they are ready.
     */
    private static String killAndRestartOneReplicaOfEachService(ClusterStack stack, Runnable meanwhile) {
        List<Instance> victims = Arrays.stream(RonbunService.values())
                .map(service -> new Instance(service, REPLICAS)).toList();
        long started = System.nanoTime();
        for (Instance victim : victims) {
            ChildProcess killed = stack.killService(victim);
            assertThat(killed.exitValue()).as("exit value of SIGKILLed " + killed).isEqualTo(137);
        }
        meanwhile.run();
        stack.restartServices(victims);
        return "replica %d of each service SIGKILLed, all ready again after %.1f s".formatted(REPLICAS,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Each replica keeps its own index, filled from the same topic in its own order and, for the killed one, partly
     * twice. For a sample of papers, every paper a replica serves as clearly related (at least {@link
     * #CLEARLY_RELATED} of the list's best score) must be on the other replica's list, and each paper on both lists
     * must come with about the same signals (its vector cosine, BM25 and character n-gram scores, within {@link
     * #SIGNAL_TOLERANCE}).
     *
     * <p>Identical lists are counted and reported, not required. BM25 statistics count each index's own deleted
     * documents, so BM25 scores can differ by a few per cent between replicas (vector cosines did too, before the
     * replicas shared their mean). Where two candidates are that close, the
     * diversification picks them in the other order, and the mutual-neighbour bonus, which counts places in each
     * candidate's own ranking, may count a place more or less: served scores moved by up to 0.105 and a weak paper at
     * the end of a list (a fifth of the best score) was replaced by another (2026-12-06, docs/benchmarks.md). A related
     * list can also lag a candidate's own ranking by the result cache's lifetime, so the lists are asked for again
     * while they differ, for at most {@link #AGREE_WITHIN}.
     *
     * @return a line for the report: how many lists were compared, how many were identical in papers, scores, order
     */
    private static String assertBothRecommendReplicasGiveTheSameRelatedPapers(ClusterStack stack, RonbunHttp http,
                                                                            List<String> paperIds) throws Exception {
        int step = Math.max(1, paperIds.size() / RELATED_SAMPLE);
        List<String> sample = IntStream.iterate(0, p -> p < paperIds.size(), p -> p + step).mapToObj(paperIds::get)
                .toList();
        long started = System.nanoTime();
        long deadline = started + AGREE_WITHIN.toNanos();
        Map<String, List<Map<String, Listed>>> lists = relatedOnEveryReplica(stack, http, sample);
        int asks = 1;
        for (List<String> differing = disagreeing(lists); !differing.isEmpty() && System.nanoTime() < deadline;
             differing = disagreeing(lists)) {
            log("related lists differ between the replicas for " + differing + "; asking again");
            Thread.sleep(ASK_AGAIN_EVERY.toMillis());
            lists = relatedOnEveryReplica(stack, http, sample);
            asks++;
        }
        double agreedAfter = (System.nanoTime() - started) / 1e9;
        Map<String, List<Map<String, Listed>>> last = lists;
        SoftAssertions softly = new SoftAssertions();
        int samePapers = 0;
        int sameScores = 0;
        int sameOrder = 0;
        for (String paperId : sample) {
            softly.check(() -> assertSameRelatedPapers(paperId, last.get(paperId)));
            samePapers += haveSamePapers(last.get(paperId)) ? 1 : 0;
            sameScores += sameServedScores(paperId, last.get(paperId)) ? 1 : 0;
            sameOrder += inOrder(paperId, last.get(paperId)) ? 1 : 0;
        }
        softly.assertAll();
        return ("related lists of %d papers: the clearly related papers and their signals alike on both replicas (after "
                + "%d ask(s), %.1f s); the same papers in %d, the same served scores in %d, the same order in %d; "
                + "largest differences %s")
                .formatted(sample.size(), asks, agreedAfter, samePapers, sameScores, sameOrder,
                        largestDifferences(last.values()));
    }

    /** A related paper as served: its score and the signals behind it. */
    private record Listed(double score, Map<String, Double> parts) {
    }

    private static Map<String, List<Map<String, Listed>>> relatedOnEveryReplica(ClusterStack stack, RonbunHttp http,
                                                                               List<String> sample) throws Exception {
        Map<String, List<Map<String, Listed>>> lists = new LinkedHashMap<>();
        for (String paperId : sample) {
            List<Map<String, Listed>> perReplica = new ArrayList<>();
            for (int replica = 1; replica <= REPLICAS; replica++) {
                perReplica.add(related(http, stack.baseUrl(RonbunService.RECOMMEND, replica), paperId));
            }
            lists.put(paperId, perReplica);
        }
        return lists;
    }

    /** The sampled papers whose related lists differ beyond what {@link #assertSameRelatedPapers} allows. */
    private static List<String> disagreeing(Map<String, List<Map<String, Listed>>> lists) {
        return lists.entrySet().stream().filter(entry -> {
            try {
                assertSameRelatedPapers(entry.getKey(), entry.getValue());
                return false;
            } catch (AssertionError e) {
                return true;
            }
        }).map(Map.Entry::getKey).toList();
    }

    private static void assertSameRelatedPapers(String paperId, List<Map<String, Listed>> lists) {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Listed> first = lists.getFirst();
        softly.assertThat(first).as("related papers of %s on replica 1", paperId).isNotEmpty();
        for (int replica = 2; replica <= lists.size(); replica++) {
            Map<String, Listed> other = lists.get(replica - 1);
            softly.assertThat(other.keySet()).as("clearly related papers of %s on replica 1, on replica %d's list",
                    paperId, replica).containsAll(clearlyRelated(first));
            softly.assertThat(first.keySet()).as("clearly related papers of %s on replica %d, on replica 1's list",
                    paperId, replica).containsAll(clearlyRelated(other));
            for (var signal : SIGNAL_TOLERANCE.entrySet()) {
                double scale = signalScale(first, signal.getKey());
                for (var paper : first.entrySet()) {
                    Listed mine = other.get(paper.getKey());
                    if (mine != null && paper.getValue().parts().containsKey(signal.getKey())) {
                        softly.assertThat(mine.parts().get(signal.getKey()))
                                .as("%s of %s related to %s on replica %d", signal.getKey(), paper.getKey(), paperId,
                                        replica)
                                .isCloseTo(paper.getValue().parts().get(signal.getKey()),
                                        Offset.offset(signal.getValue() * scale));
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** The papers of a list served with at least {@link #CLEARLY_RELATED} of its best score. */
    private static Set<String> clearlyRelated(Map<String, Listed> list) {
        double best = list.values().stream().mapToDouble(Listed::score).max().orElse(0);
        Set<String> clear = new LinkedHashSet<>();
        list.forEach((id, listed) -> {
            if (listed.score() >= CLEARLY_RELATED * best) {
                clear.add(id);
            }
        });
        return clear;
    }

    /** Same papers on both lists, in any order. */
    private static boolean haveSamePapers(List<Map<String, Listed>> lists) {
        return lists.stream().allMatch(list -> list.keySet().equals(lists.getFirst().keySet()));
    }

    /** The list's largest value of a signal, at least 1: what a signal's tolerance is a share of. */
    private static double signalScale(Map<String, Listed> list, String signal) {
        return Math.max(1, list.values().stream()
                .mapToDouble(listed -> Math.abs(listed.parts().getOrDefault(signal, 0.0))).max().orElse(1));
    }

    /** The largest difference of each signal and of the served score between the replicas, as a share of its scale. */
    private static Map<String, Double> largestDifferences(Collection<List<Map<String, Listed>>> lists) {
        Map<String, Double> largest = new TreeMap<>();
        for (List<Map<String, Listed>> perReplica : lists) {
            Map<String, Listed> first = perReplica.getFirst();
            double best = bestScore(first);
            Map<String, Double> scales = new TreeMap<>();
            SIGNAL_TOLERANCE.keySet().forEach(signal -> scales.put(signal, signalScale(first, signal)));
            for (Map<String, Listed> other : perReplica.subList(1, perReplica.size())) {
                for (var paper : first.entrySet()) {
                    Listed mine = other.get(paper.getKey());
                    if (mine == null) {
                        continue;
                    }
                    largest.merge("score", Math.abs(mine.score() - paper.getValue().score()) / best, Math::max);
                    scales.forEach((signal, scale) -> {
                        Double theirs = paper.getValue().parts().get(signal);
                        Double ours = mine.parts().get(signal);
                        if (theirs != null && ours != null) {
                            largest.merge(signal, Math.abs(ours - theirs) / scale, Math::max);
                        }
                    });
                }
            }
        }
        largest.replaceAll((name, difference) -> Math.round(difference * 1e4) / 1e4);
        return largest;
    }

    /** The list's best served score, what score differences are a share of. */
    private static double bestScore(Map<String, Listed> list) {
        return list.values().stream().mapToDouble(listed -> Math.abs(listed.score())).max().orElse(1);
    }

    /** Served scores within 2 % of the list's best on every replica (reported, not required). */
    private static boolean sameServedScores(String paperId, List<Map<String, Listed>> lists) {
        Map<String, Listed> first = lists.getFirst();
        double best = bestScore(first);
        for (int replica = 2; replica <= lists.size(); replica++) {
            for (var paper : first.entrySet()) {
                Listed other = lists.get(replica - 1).get(paper.getKey());
                if (other == null || Math.abs(other.score() - paper.getValue().score()) > SCORE_TOLERANCE * best) {
                    log("related papers of " + paperId + " with other scores on replica " + replica + ": "
                            + scores(first) + " vs " + scores(lists.get(replica - 1)));
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inOrder(String paperId, List<Map<String, Listed>> lists) {
        boolean allInOrder = true;
        for (int replica = 2; replica <= lists.size(); replica++) {
            if (!List.copyOf(lists.get(replica - 1).keySet()).equals(List.copyOf(lists.getFirst().keySet()))) {
                allInOrder = false;
                log("related papers of " + paperId + " in another order on replica " + replica + ": "
                        + scores(lists.getFirst()) + " vs " + scores(lists.get(replica - 1)));
            }
        }
        return allInOrder;
    }

    private static Map<String, Double> scores(Map<String, Listed> list) {
        Map<String, Double> scores = new LinkedHashMap<>();
        list.forEach((id, listed) -> scores.put(id, listed.score()));
        return scores;
    }

    /** The related papers of {@code paperId} in the order served, each with its score and signals. */
    private static Map<String, Listed> related(RonbunHttp http, String recommendBaseUrl, String paperId)
            throws Exception {
        HttpResponse<String> answer = http.get(URI.create(recommendBaseUrl + "/api/papers/" + paperId + "/related"));
        assertThat(answer.statusCode()).as("related papers of %s at %s: %s", paperId, recommendBaseUrl,
                answer.body()).isEqualTo(200);
        Map<String, Listed> listed = new LinkedHashMap<>();
        for (JsonNode item : JSON.readTree(answer.body()).path("items")) {
            Map<String, Double> parts = new LinkedHashMap<>();
            item.path("scoreParts").properties().forEach(part -> parts.put(part.getKey(), part.getValue().asDouble()));
            listed.put(item.path("paperId").asText(), new Listed(item.path("score").asDouble(), parts));
        }
        return listed;
    }

    /**
     * Every broker and replica is running and ready, each replica in the launch the suite made last (only the killed
     * ones were relaunched), and no launch started more than once: nothing restarted itself or crash-looped.
     */
    private static void assertEveryProcessRanSteadily(ClusterStack stack, PipelineProbe probe) throws Exception {
        assertThat(stack.brokersAreAlive()).as("every broker is running").isTrue();
        for (Map.Entry<Instance, ServiceRun> entry : stack.runs().entrySet()) {
            ServiceRun run = entry.getValue();
            Instance instance = entry.getKey();
            assertThat(run.process().isAlive()).as(run.process() + " is running").isTrue();
            assertThat(run.generation()).as(run.process() + "'s launches").isEqualTo(instance.replica() == REPLICAS
                    ? 2 : 1);
            assertThat(run.startUps()).as(run.process() + " started once in " + run.process().logFile()).isEqualTo(1);
            HttpResponse<String> readiness = probe.readiness(stack.baseUrl(instance.service(), instance.replica()));
            assertThat(readiness.statusCode()).as(run.process() + " ready: " + readiness.body()).isEqualTo(200);
        }
    }
}
